"""Write README.md from nbs/index.ipynb (what `nbdev_readme` does, without needing Quarto).

Cells marked `#| hide` are dropped, `#|` directive lines are removed, and the stored outputs of the
executed notebook are kept; a code cell marked `#| echo: false` (prose rendered from a results JSON) gives its
markdown output only. `python .ci/readme.py --check` exits 1 if README.md is out of date.
"""
import sys, copy
from pathlib import Path
import nbformat
from nbconvert import MarkdownExporter

ROOT = Path(__file__).resolve().parent.parent

def render() -> str:
    nb = nbformat.read(ROOT / 'nbs' / 'index.ipynb', as_version=4)
    cells = []
    for c in nb.cells:
        lines = c.source.split('\n')
        directives = [l for l in lines if l.startswith('#|')]
        if any(d.replace(' ', '') in ('#|hide', '#|export', '#|exporti') for d in directives): continue
        if c.cell_type == 'code' and '#|echo:false' in [d.replace(' ', '') for d in directives]:   # prose rendered from data (`results_md`): its text only
            text = [''.join(o['data']['text/markdown']) for o in c.outputs if 'text/markdown' in o.get('data', {})]
            cells.append(nbformat.v4.new_markdown_cell('\n\n'.join(text))); continue
        c = copy.deepcopy(c); c.source = '\n'.join(l for l in lines if not l.startswith('#|')).strip('\n')
        if c.cell_type == 'code': c.outputs = [o for o in c.outputs if o.get('output_type') == 'stream' or 'text/plain' in o.get('data', {})]
        cells.append(c)
    nb.cells = cells
    nb.metadata['language_info'] = {'name': 'python'}
    body, _ = MarkdownExporter(exclude_input_prompt=True, exclude_output_prompt=True).from_notebook_node(nb)
    note = '<!-- generated from nbs/index.ipynb by `python .ci/readme.py`; edit the notebook, not this file -->\n\n'
    return note + body.strip() + '\n'

if __name__ == '__main__':
    text, path = render(), ROOT / 'README.md'
    if '--check' in sys.argv:
        if not path.exists() or path.read_text() != text:
            print('README.md is out of date with nbs/index.ipynb: run `python .ci/readme.py`'); sys.exit(1)
    else: path.write_text(text)
