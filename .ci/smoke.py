"""Install smoke test, run by .ci/run before the tests: every module imports and the shipped model embeds a second of
audio. Any failure is one line (exit status 1), e.g. a torch/torchaudio-style ABI mismatch at import."""
import importlib, sys, time

def fail(what, e):
    print(f"smoke test: {what} failed: {type(e).__name__}: {' '.join(str(e).split())[:300]}"); sys.exit(1)

t0 = time.perf_counter()
for mod in ('torch', 'numpy', 'soundfile', 'faiss', 'sklearn', 'specembed.core', 'specembed.data', 'specembed.deform',
            'specembed.encoder', 'specembed.train', 'specembed.embed', 'specembed.evaluate', 'specembed.cli'):
    try: importlib.import_module(mod)
    except BaseException as e: fail(f'import {mod}', e)
try:
    import torch
    from specembed.core import sine
    from specembed.train import load_encoder
    from specembed.embed import Embedder
    model, cfg = load_encoder('pretrained')
    v = Embedder(model, cfg, 'cpu').clip(sine(440.0, 1.0))
    assert v.shape == (cfg.embed_dim,) and abs(float((v ** 2).sum()) - 1) < 1e-4, v.shape
except BaseException as e: fail('embedding a second of audio with the shipped model', e)
print(f"smoke test: torch {torch.__version__}, every module imports, the shipped model embeds 1 s of audio -> ({cfg.embed_dim},) "
      f"in {time.perf_counter() - t0:.1f} s")
