"""Offline build of the docs site: the same notebooks Quarto renders for GitHub Pages, turned into a static
site with nbconvert's HTML exporter after nbdev-style processing (no Quarto needed, nothing fetched).

    python .ci/docs.py [--out _site]

Per notebook: cells marked `#| hide` are dropped and `#|` directive lines removed; after each `#| export` cell
the API docs of its public functions, classes and the classes' public methods are rendered with nbdev's
`show_doc`, each with a link to its source on GitHub; stored outputs (plots, tables, audio players) are kept.
Every page gets a navigation bar with a search box (a client-side index of every section and API entry,
`search_index.js`, no server needed) and a table of contents; links to `nbs/NN_name.ipynb` point at the
pages; scripts that would load from the network (RequireJS, MathJax, widget managers) are removed. The deploy
workflow publishes exactly this site.
"""
import ast, configparser, copy, html, importlib, inspect, json, re, sys
from pathlib import Path
import nbformat
from nbconvert import HTMLExporter

ROOT = Path(__file__).resolve().parent.parent
NBS = ROOT / 'nbs'

def directives(src):
    return {l[2:].strip().split()[0] if l[2:].strip() else '': l[2:].strip() for l in src.split('\n') if l.startswith('#|')}

SETTINGS = configparser.ConfigParser(); SETTINGS.read(ROOT / 'settings.ini')

def source_url(obj):
    "The object's lines on GitHub (settings.ini's git_url and branch)."
    try: obj = inspect.unwrap(obj); f = Path(inspect.getsourcefile(obj)).resolve(); line = inspect.getsourcelines(obj)[1]
    except (TypeError, OSError): return None
    d = SETTINGS['DEFAULT']
    try: rel = f.relative_to(ROOT)
    except ValueError: rel = Path(d['lib_path']) / f.name                  # installed elsewhere: same layout
    return f"{d['git_url']}/blob/{d['branch']}/{rel.as_posix()}#L{line}"

def doc_md(obj, name=None):
    from nbdev.showdoc import show_doc
    md = show_doc(obj, name=name)._repr_markdown_()
    md = re.sub(r'^\[source\]\(.*\)\{.*\}\s*$', '', md, flags=re.M)           # Quarto-only link syntax
    url = source_url(obj)
    return md + (f'\n\n<a class="se-src" href="{url}">source</a>' if url else '')

def api_docs(src, module):
    "Markdown API docs for the public top-level functions and classes defined in an export cell, and the classes' public methods."
    try: tree = ast.parse(src)
    except SyntaxError: return []
    out = []
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)) and not node.name.startswith('_') and hasattr(module, node.name):
            obj = getattr(module, node.name); out.append(doc_md(obj))
            if isinstance(node, ast.ClassDef):
                for m in node.body:
                    if isinstance(m, ast.FunctionDef) and not m.name.startswith('_') and m.name != 'extra_repr' and callable(getattr(obj, m.name, None)):
                        out.append(doc_md(getattr(obj, m.name), name=f'{node.name}.{m.name}'))
    return out

def process(path):
    nb = nbformat.read(path, as_version=4)
    mod = None
    for c in nb.cells:
        d = directives(c.source)
        if 'default_exp' in d: mod = importlib.import_module('specembed.' + d['default_exp'].split()[1])
    cells, title = [], path.stem
    for c in nb.cells:
        d = directives(c.source)
        if 'hide' in d or 'default_exp' in d: continue
        src = '\n'.join(l for l in c.source.split('\n') if not l.startswith('#|')).strip('\n')
        if not src and c.cell_type == 'markdown': continue
        c = copy.deepcopy(c); c.source = src
        if c.cell_type == 'markdown' and title == path.stem:
            m = re.match(r'#\s+(.+)', src)
            if m: title = m.group(1).strip()
        if c.cell_type == 'code':
            c.outputs = [o for o in c.outputs if not (o.get('output_type') == 'display_data' and
                         'application/vnd.jupyter.widget-view+json' in o.get('data', {}) and len(o['data']) == 1)]
        cells.append(c)
        if c.cell_type == 'code' and ('export' in d) and mod is not None:
            cells += [nbformat.v4.new_markdown_cell(md) for md in api_docs(src, mod)]
    nb.cells = cells; nb.metadata.pop('widgets', None)
    nb.metadata['language_info'] = {'name': 'python'}
    return nb, title

def nav(pages, current):
    items = ''.join(f'<li{" class=cur" if n == current else ""}><a href="{n}.html">{html.escape(t)}</a></li>' for n, t in pages)
    return (f'<nav id="se-nav"><div class="brand"><a href="index.html">specembed</a></div>'
            f'<input id="se-search" type="search" placeholder="Search the docs" autocomplete="off" aria-label="Search">'
            f'<ol id="se-results"></ol><ul>{items}</ul></nav>')

HEADING = re.compile(r'<h([1-4])[^>]*\bid="([^"]+)"[^>]*>(.*?)</h\1>', re.S)
def text(s): return html.unescape(re.sub(r'\s+', ' ', re.sub(r'<[^>]+>', ' ', s))).replace('¶', '').strip()

def toc(body):
    "A table of contents from the page's h2/h3 headings (nbconvert gives them ids)."
    items = [(int(l), i, text(t)) for l, i, t in HEADING.findall(body) if l in '23']
    if len(items) < 2: return ''
    li = ''.join(f'<li class="l{l}"><a href="#{i}">{html.escape(t)}</a></li>' for l, i, t in items)
    return f'<nav id="se-toc"><div class="h">On this page</div><ul>{li}</ul></nav>'

def sections(name, title, body):
    "Search entries: one per heading (its text up to the next heading), so a result links to the place."
    main = body.split('<body', 1)[-1]; hits = list(HEADING.finditer(main)); out = []
    for k, m in enumerate(hits):
        chunk = main[m.end():hits[k + 1].start() if k + 1 < len(hits) else len(main)]
        chunk = re.sub(r'<(script|style)[^>]*>.*?</\1>', ' ', chunk, flags=re.S)
        out.append(dict(u=f'{name}.html#{m.group(2)}', p=title, t=text(m.group(3)), x=text(chunk)[:1500]))
    return out

SEARCH_JS = """<script src="search_index.js"></script><script>
(function(){const box=document.getElementById('se-search'),ol=document.getElementById('se-results');
function show(){const q=box.value.toLowerCase().split(/\\s+/).filter(Boolean);ol.innerHTML='';if(!q.length||!window.SE_INDEX)return;
const hits=[];for(const e of SE_INDEX){const t=e.t.toLowerCase(),x=e.x.toLowerCase();let s=0;
for(const w of q){if(t.includes(w))s+=10;else if(x.includes(w))s+=1;else{s=0;break;}}if(s)hits.push([s,e]);}
hits.sort((a,b)=>b[0]-a[0]);for(const [s,e] of hits.slice(0,12)){const li=document.createElement('li'),a=document.createElement('a');
a.href=e.u;a.textContent=e.t+' \u2014 '+e.p;li.appendChild(a);ol.appendChild(li);}
if(!hits.length)ol.innerHTML='<li class="none">no match</li>';}
box.addEventListener('input',show);box.addEventListener('keydown',ev=>{if(ev.key==='Enter'){const a=ol.querySelector('a');if(a)location.href=a.href;}});})();
</script>"""

STYLE = """<style>#se-nav{position:fixed;top:0;left:0;bottom:0;width:210px;overflow:auto;background:#f7f7f9;border-right:1px solid #ddd;padding:1em .6em;font:14px system-ui,sans-serif;z-index:10}
#se-nav ul{list-style:none;padding:0}#se-nav li{margin:.35em 0}#se-nav li.cur a{font-weight:bold}#se-nav .brand{font-size:1.3em;margin-bottom:.6em}
body{margin-left:230px!important;margin-right:230px!important}audio{max-width:100%}
#se-search{width:100%;box-sizing:border-box;padding:.3em;margin:.2em 0}#se-results{padding-left:1.2em;margin:.3em 0;font-size:13px}#se-results li{margin:.25em 0}
#se-toc{position:fixed;top:0;right:0;width:210px;max-height:100vh;overflow:auto;padding:1em .6em;font:13px system-ui,sans-serif;border-left:1px solid #eee;background:#fff;z-index:10}
#se-toc ul{list-style:none;padding:0}#se-toc li{margin:.3em 0}#se-toc li.l3{padding-left:1em}#se-toc .h{font-weight:bold}
a.se-src{font-size:.85em}</style>"""

def build(out):
    out = Path(out); out.mkdir(parents=True, exist_ok=True)
    files = sorted(NBS.glob('*.ipynb'), key=lambda p: (p.stem != 'index', p.stem))
    files = [f for f in files if not f.name.startswith(('_', '.'))]
    processed = [(f.stem, *process(f)) for f in files]
    pages = [(n, t if n != 'index' else 'Home') for n, _, t in processed]
    exporter = HTMLExporter(template_name='lab', exclude_input_prompt=True, exclude_output_prompt=True)
    index = []
    for name, nb, title in processed:
        body, _ = exporter.from_notebook_node(nb, resources={'metadata': {'name': f'specembed - {title}'}})
        body = re.sub(r'<script[^>]*src="https?://[^"]*"[^>]*>\s*</script>', '', body)          # nothing from the network
        body = re.sub(r'<script type="text/x-mathjax-config">.*?</script>', '', body, flags=re.S)
        body = re.sub(r'<script[^>]*>\s*(?:window\.)?require\.config.*?</script>', '', body, flags=re.S)
        body = re.sub(r'href="(?:nbs/)?([\w-]+)\.ipynb"', r'href="\1.html"', body)
        body = body.replace('</head>', '<link rel="icon" href="data:,">' + STYLE + '</head>', 1)
        body = re.sub(r'(<body[^>]*>)', lambda m: m.group(1) + nav(pages, name) + toc(body), body, count=1)
        body = body.replace('</body>', SEARCH_JS + '</body>', 1)
        index += sections(name, dict(pages)[name], body)
        (out / f'{name}.html').write_text(body, encoding='utf-8')
    (out / 'search_index.js').write_text('window.SE_INDEX = ' + json.dumps(index, ensure_ascii=False) + ';\n', encoding='utf-8')
    return out, [n for n, _ in pages]

if __name__ == '__main__':
    o = sys.argv[sys.argv.index('--out') + 1] if '--out' in sys.argv else str(ROOT / '_site')
    out, names = build(o)
    print(f"built {len(names)} pages in {out}: {', '.join(names)}")
