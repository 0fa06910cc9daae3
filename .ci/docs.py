"""Offline build of the docs site: the same notebooks Quarto renders for GitHub Pages, turned into a static
site with nbconvert's HTML exporter after nbdev-style processing (no Quarto needed, nothing fetched).

    python .ci/docs.py [--out _site]

Per notebook: cells marked `#| hide` are dropped and `#|` directive lines removed; after each `#| export` cell
the API docs of its public functions and classes are rendered with nbdev's `show_doc`; stored outputs (plots,
tables, audio players) are kept. Every page gets a navigation bar; links to `nbs/NN_name.ipynb` point at the
pages; scripts that would load from the network (RequireJS, MathJax, widget managers) are removed.
"""
import ast, copy, html, importlib, re, sys
from pathlib import Path
import nbformat
from nbconvert import HTMLExporter

ROOT = Path(__file__).resolve().parent.parent
NBS = ROOT / 'nbs'

def directives(src):
    return {l[2:].strip().split()[0] if l[2:].strip() else '': l[2:].strip() for l in src.split('\n') if l.startswith('#|')}

def api_docs(src, module):
    "Markdown API docs for the public top-level functions and classes defined in an export cell."
    from nbdev.showdoc import show_doc
    try: tree = ast.parse(src)
    except SyntaxError: return []
    out = []
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)) and not node.name.startswith('_') and hasattr(module, node.name):
            md = show_doc(getattr(module, node.name))._repr_markdown_()
            md = re.sub(r'^\[source\]\(.*\)\{.*\}\s*$', '', md, flags=re.M)       # Quarto-only link syntax
            out.append(md)
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
    return f'<nav id="se-nav"><div class="brand"><a href="index.html">specembed</a></div><ul>{items}</ul></nav>'

STYLE = """<style>#se-nav{position:fixed;top:0;left:0;bottom:0;width:210px;overflow:auto;background:#f7f7f9;border-right:1px solid #ddd;padding:1em .6em;font:14px system-ui,sans-serif;z-index:10}
#se-nav ul{list-style:none;padding:0}#se-nav li{margin:.35em 0}#se-nav li.cur a{font-weight:bold}#se-nav .brand{font-size:1.3em;margin-bottom:.6em}
body{margin-left:230px!important}audio{max-width:100%}</style>"""

def build(out):
    out = Path(out); out.mkdir(parents=True, exist_ok=True)
    files = sorted(NBS.glob('*.ipynb'), key=lambda p: (p.stem != 'index', p.stem))
    files = [f for f in files if not f.name.startswith(('_', '.'))]
    processed = [(f.stem, *process(f)) for f in files]
    pages = [(n, t if n != 'index' else 'Home') for n, _, t in processed]
    exporter = HTMLExporter(template_name='lab', exclude_input_prompt=True, exclude_output_prompt=True)
    for name, nb, title in processed:
        body, _ = exporter.from_notebook_node(nb, resources={'metadata': {'name': f'specembed - {title}'}})
        body = re.sub(r'<script[^>]*src="https?://[^"]*"[^>]*>\s*</script>', '', body)          # nothing from the network
        body = re.sub(r'<script type="text/x-mathjax-config">.*?</script>', '', body, flags=re.S)
        body = re.sub(r'<script[^>]*>\s*(?:window\.)?require\.config.*?</script>', '', body, flags=re.S)
        body = re.sub(r'href="(?:nbs/)?([\w-]+)\.ipynb"', r'href="\1.html"', body)
        body = body.replace('</head>', '<link rel="icon" href="data:,">' + STYLE + '</head>', 1)
        body = re.sub(r'(<body[^>]*>)', lambda m: m.group(1) + nav(pages, name), body, count=1)
        (out / f'{name}.html').write_text(body, encoding='utf-8')
    return out, [n for n, _ in pages]

if __name__ == '__main__':
    o = sys.argv[sys.argv.index('--out') + 1] if '--out' in sys.argv else str(ROOT / '_site')
    out, names = build(o)
    print(f"built {len(names)} pages in {out}: {', '.join(names)}")
