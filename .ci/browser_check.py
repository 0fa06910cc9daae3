"""Open every page of the offline docs site in headless Chromium and check what a reader would notice.

    python .ci/browser_check.py SITE_DIR

Per page: it loads with no console errors; every <audio> element reaches a loaded state (readyState >= 1,
HAVE_METADATA) with a positive duration; every <img> has loaded (naturalWidth > 0). Then, as a reader would,
it types a query into the search box of the home page and follows the first result, which must land on a
page (with its table of contents) that holds the words. The site is served on 127.0.0.1 only. Ends with
'browser: N passed, N failed' (one test per page, one for the search) and exits 1 on any failure.
"""
import functools, http.server, json, sys, tempfile, threading
from pathlib import Path
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

site = Path(sys.argv[1]).resolve()
class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *a): pass
handler = functools.partial(Quiet, directory=str(site))
srv = http.server.ThreadingHTTPServer(('127.0.0.1', 0), handler)
threading.Thread(target=srv.serve_forever, daemon=True).start()
base = f'http://127.0.0.1:{srv.server_address[1]}'

opts = webdriver.ChromeOptions()
opts.binary_location = '/usr/bin/chromium'
for a in ('--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run',
          '--disable-component-update', '--disable-sync', '--autoplay-policy=no-user-gesture-required', f'--user-data-dir={tempfile.mkdtemp()}'):
    opts.add_argument(a)
opts.set_capability('goog:loggingPrefs', {'browser': 'ALL'})
driver = webdriver.Chrome(service=Service('/usr/bin/chromedriver'), options=opts)
driver.set_script_timeout(60)

AUDIO_JS = """const done = arguments[arguments.length - 1];
const els = Array.from(document.querySelectorAll('audio'));
Promise.all(els.map(a => new Promise(res => {
  const report = () => res({state: a.readyState, duration: a.duration, error: a.error ? a.error.code : null});
  if (a.readyState >= 1) return report();
  a.addEventListener('loadedmetadata', report, {once: true}); a.addEventListener('error', report, {once: true});
  a.preload = 'auto'; a.load(); setTimeout(report, 20000);
}))).then(done);"""
IMG_JS = "return Array.from(document.images).map(i => ({src: i.src.slice(0, 40), ok: i.complete && i.naturalWidth > 0}));"

passed = failed = 0; total_audio = total_img = 0
for page in sorted(site.glob('*.html')):
    driver.get(f'{base}/{page.name}')
    audio = driver.execute_async_script(AUDIO_JS); imgs = driver.execute_script(IMG_JS)
    logs = [l for l in driver.get_log('browser') if l['level'] in ('SEVERE', 'ERROR')]
    bad_audio = [a for a in audio if not (a['state'] >= 1 and (a['duration'] or 0) > 0)]
    bad_img = [i for i in imgs if not i['ok']]
    ok = not logs and not bad_audio and not bad_img
    total_audio += len(audio); total_img += len(imgs)
    print(f"{'ok  ' if ok else 'FAIL'} {page.name:22} {len(audio):2} audio ({len(audio) - len(bad_audio)} loaded), "
          f"{len(imgs):2} images ({len(imgs) - len(bad_img)} loaded), {len(logs)} console errors")
    for l in logs[:5]: print('      console:', l['message'][:300])
    for a in bad_audio[:3]: print('      audio:', json.dumps(a))
    passed += ok; failed += not ok
# search: type on the home page, follow the first result
driver.get(f'{base}/index.html'); query = 'semihard negatives'
driver.find_element(By.ID, 'se-search').send_keys(query)
links = WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, '#se-results a'))
first = links[0]; want, label = first.get_attribute('href'), first.text; first.click()
WebDriverWait(driver, 10).until(lambda d: d.current_url == want)
page_text = driver.find_element(By.TAG_NAME, 'body').text.lower()
ok = all(w in page_text for w in query.split()) and bool(driver.find_elements(By.ID, 'se-toc'))
print(f"{'ok  ' if ok else 'FAIL'} search {query!r}: {len(links)} results, first {label!r} -> {want.split('/')[-1]}")
passed += ok; failed += not ok
if '--screenshot' in sys.argv:
    driver.set_window_size(1300, 1000); driver.get(f'{base}/02_deform.html'); driver.save_screenshot(sys.argv[sys.argv.index('--screenshot') + 1])
driver.quit(); srv.shutdown()
print(f"{total_audio} audio players and {total_img} images checked")
print(f"browser: {passed} passed, {failed} failed")
sys.exit(1 if failed or not passed else 0)
