/**
 * The Graduasi panel, in the lab's left sidebar: the built-in scenarios; under the one picked, its
 * rationale, what it changes over data/parameters (each parameter with its unit, its dated
 * values beside the data's, and its sources) and its lineage and references; and two actions:
 * insert a cell that compares it with the reference (assistance only) into the current notebook,
 * or open a new notebook that asks that one question.
 *
 * The catalogue comes from the server (/graduasi/scenarios, written from the repository by
 * app/scenarios.ts at each start); the cells from ./catalogue.
 */
import type { JupyterFrontEnd, JupyterFrontEndPlugin } from '@jupyterlab/application';
import { ILayoutRestorer } from '@jupyterlab/application';
import { PathExt, URLExt } from '@jupyterlab/coreutils';
import { IDefaultFileBrowser } from '@jupyterlab/filebrowser';
import type { FileBrowser } from '@jupyterlab/filebrowser';
import { INotebookTracker, NotebookActions } from '@jupyterlab/notebook';
import { ServerConnection } from '@jupyterlab/services';
import { LabIcon } from '@jupyterlab/ui-components';
import { Widget } from '@lumino/widgets';
import { comparisonCell, comparisonNotebook, COMPARISON } from './catalogue';
import type { Catalogue, CatalogueEntry, CatalogueScenario, Change, Source } from './catalogue';

const PANEL_ID = 'graduasi-scenarios';

/** Commands, also in the command palette's search (Ctrl+Shift+C). */
export const COMMANDS = {
  insert: 'graduasi:insert-comparison',
  open: 'graduasi:new-comparison-notebook',
} as const;

/** A path from assistance to graduation: three steps up. */
const graduasiIcon = new LabIcon({
  name: 'graduasi:scenarios',
  svgstr:
    '<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 24 24"><path class="jp-icon3" fill="#616161" d="M3 20h5v-5h5v-5h5V5h3v3h-1v4h-5v5H10v5H3z"/><circle class="jp-icon-brand0" fill="#1976d2" cx="19" cy="4" r="2.2"/></svg>',
});

/** An element with a class and children (text is set as text, never parsed as HTML). */
function h<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, ...children: (Node | string | null)[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  for (const c of children) if (c !== null) e.append(c);
  return e;
}

function link(source: Source): HTMLAnchorElement {
  const a = h('a', '', source.title);
  a.href = source.href;
  a.target = '_blank';
  a.rel = 'noopener noreferrer';
  return a;
}

function changeView(c: Change): HTMLElement {
  const values = h(
    'ul',
    'gr-Values',
    ...c.values.map((v) => h('li', '', h('span', 'gr-Date', `from ${v.date}`), ' ', h('strong', '', v.text), h('span', 'gr-Data', v.data === null ? ' (no value in the data yet)' : ` (data: ${v.data})`))),
  );
  const unit = h('div', 'gr-Unit', 'Unit: ', h('code', '', c.unit), ` — ${c.unitText}`);
  const sources = c.sources.length
    ? h('ul', 'gr-Sources', ...c.sources.map((s) => h('li', '', link(s))))
    : h('div', 'gr-Sources', `Source: an assumption; see the reasoning in ${c.file}`);
  const item = h('li', 'gr-Change', h('div', 'gr-ChangeLabel', c.label), h('code', 'gr-Path', c.path), values, unit, sources);
  item.title = `${c.description}\n${c.file}`;
  return item;
}

/** A programme or service of the model, folded: its names, its parameters with their latest values, what it reports and why it moves households. */
function entryView(e: CatalogueEntry): HTMLElement {
  const names = e.name.en === e.name.id ? e.name.en : `${e.name.en} · ${e.name.id}`;
  const summary = h('summary', '', h('span', 'gr-Id', e.id), h('span', 'gr-Label', names));
  const parameters = e.parameters.length
    ? h('ul', 'gr-Changes', ...e.parameters.map((p) => h('li', 'gr-Change', h('div', 'gr-ChangeLabel', p.label), h('code', 'gr-Path', p.path), h('ul', 'gr-Values', ...p.values.map((v) => h('li', '', h('span', 'gr-Date', `from ${v.date}`), ' ', h('strong', '', v.text)))))))
    : h('div', 'gr-Unit', 'No parameter folder of its own.');
  const indicators = h('ul', 'gr-Values', ...e.indicators.map((x) => h('li', '', h('code', '', x.id), `${x.label.en} · ${x.label.id}`)));
  const reasons = h('ul', 'gr-Values', ...e.reasons.map((r) => h('li', '', h('code', '', r.code), `${r.label.en} · ${r.label.id}`)));
  const details = h('details', 'gr-Entry', summary, h('h4', '', 'Parameters'), parameters, h('h4', '', 'Indicators'), indicators, h('h4', '', e.kind === 'programme' ? 'Why families enter and leave' : 'Events'), reasons);
  details.dataset.id = e.id;
  return h('li', '', details);
}

/** The sidebar: a list of scenarios, the details of the one picked, and the two actions; then the model's programmes and services. */
class ScenarioPanel extends Widget {
  private catalogue: Catalogue | null = null;
  private selected: string | null = null;
  private readonly list = h('ul', 'gr-List');
  private readonly details = h('div', 'gr-Details');
  private readonly status = h('div', 'gr-Status', 'Loading the scenarios…');
  private readonly registry = h('ul', 'gr-List gr-Registry');

  constructor(private readonly app: JupyterFrontEnd, private readonly tracker: INotebookTracker) {
    super();
    this.id = PANEL_ID;
    this.addClass('gr-Panel');
    this.title.icon = graduasiIcon;
    this.title.caption = 'Graduasi scenarios';
    const intro = h(
      'p',
      'gr-Intro',
      'The built-in scenarios (src/scenarios/builtin.ts). Pick one to see what it changes over data/parameters, with units and sources, and to compare it with the reference in a notebook.',
    );
    const registryIntro = h('p', 'gr-Intro', 'The assistance programmes and empowerment services of the model (src/model/programmes/, src/model/services/), in the order they run.');
    this.node.append(h('header', 'gr-Header', h('h2', '', 'Graduasi scenarios'), intro), this.status, this.list, h('header', 'gr-Header', h('h3', '', 'Programmes and services'), registryIntro), this.registry);
    tracker.currentChanged.connect(() => this.renderDetails());
  }

  /** Reads the catalogue from the server. */
  async load(): Promise<void> {
    const settings = ServerConnection.makeSettings();
    try {
      const response = await ServerConnection.makeRequest(URLExt.join(settings.baseUrl, 'graduasi', 'scenarios'), {}, settings);
      if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
      this.catalogue = (await response.json()) as Catalogue;
      this.status.textContent = '';
      this.renderList();
      const entries = this.catalogue.registry;
      this.registry.replaceChildren(
        h('li', 'gr-Group', 'Assistance programmes'),
        ...entries.filter((e) => e.kind === 'programme').map(entryView),
        h('li', 'gr-Group', 'Empowerment services'),
        ...entries.filter((e) => e.kind === 'service').map(entryView),
      );
    } catch (e) {
      this.status.textContent = `Could not read the scenarios from the server: ${(e as Error).message}`;
    }
  }

  scenario(id: string): CatalogueScenario | undefined {
    return this.catalogue?.scenarios.find((s) => s.id === id);
  }

  get reference(): string {
    return this.catalogue?.reference ?? 'assistance-only';
  }

  /** The scenario picked in the panel, if any. */
  get current(): CatalogueScenario | undefined {
    return this.selected === null ? undefined : this.scenario(this.selected);
  }

  /** Opens a scenario's details under it in the list (or closes them, when it is open). */
  select(id: string): void {
    this.selected = this.selected === id ? null : id;
    this.renderList();
    this.renderDetails();
  }

  private renderList(): void {
    const scenarios = this.catalogue?.scenarios ?? [];
    this.list.replaceChildren(
      ...scenarios.map((s) => {
        const button = h('button', 'gr-Item', h('span', 'gr-Id', s.id), h('span', 'gr-Label', s.label.en));
        button.type = 'button';
        button.dataset.id = s.id;
        button.setAttribute('aria-pressed', String(s.id === this.selected));
        if (s.id === this.reference) button.append(h('span', 'gr-Badge', 'reference'));
        button.onclick = () => this.select(s.id);
        return h('li', '', button, s.id === this.selected ? this.details : null);
      }),
    );
  }

  private renderDetails(): void {
    const s = this.current;
    if (!s) {
      this.details.replaceChildren();
      return;
    }
    const isReference = s.id === this.reference;
    const insert = h('button', 'jp-Button jp-mod-styled jp-mod-accept gr-Insert', 'Insert comparison cell');
    insert.type = 'button';
    insert.disabled = isReference || !this.tracker.currentWidget;
    insert.title = isReference ? 'This is the reference: pick another scenario to compare with it' : this.tracker.currentWidget ? `Below the active cell of ${this.tracker.currentWidget.context.path}` : 'Open a notebook first';
    insert.onclick = () => void this.app.commands.execute(COMMANDS.insert, { id: s.id });
    const open = h('button', 'jp-Button jp-mod-styled jp-mod-reject gr-Open', 'New comparison notebook');
    open.type = 'button';
    open.disabled = isReference;
    open.title = 'A new notebook comparing this scenario with the reference, in the file browser’s folder';
    open.onclick = () => void this.app.commands.execute(COMMANDS.open, { id: s.id });
    const lineage = s.lineage.length > 1 ? h('div', 'gr-Lineage', `Extends ${s.lineage.slice(0, -1).reverse().join(' ← ')}`) : null;
    const changes = s.changes.length
      ? h('section', '', h('h4', '', 'Changes over data/parameters'), h('ul', 'gr-Changes', ...s.changes.map(changeView)))
      : h('section', '', h('h4', '', 'Changes nothing: every parameter as in data/parameters'));
    const references = s.references.length ? h('section', '', h('h4', '', 'References'), h('ul', 'gr-Sources', ...s.references.map((r) => h('li', '', link(r))))) : null;
    const what = isReference
      ? `The reference: the other scenarios are compared with it.`
      : `Compares ${s.id} with ${this.reference}: ${COMPARISON.replicates} paired replicates of ${COMPARISON.households.toLocaleString('en')} agents to ${COMPARISON.end}, seed ${COMPARISON.seed}.`;
    this.details.replaceChildren(
      ...[
      h('div', 'gr-LabelId', s.label.id),
      lineage,
      h('p', 'gr-Rationale', s.rationale),
      h('div', 'gr-Actions', insert, open),
      h('div', 'gr-What', what),
      changes,
      references,
      ].filter((e): e is HTMLElement => e !== null),
    );
  }
}

/** A file name in `dir` not taken yet: compare-<id>.ipynb, then compare-<id>-2.ipynb, … */
async function freePath(app: JupyterFrontEnd, dir: string, stem: string): Promise<string> {
  for (let k = 1; ; k++) {
    const path = PathExt.join(dir, `${stem}${k === 1 ? '' : `-${k}`}.ipynb`);
    try {
      await app.serviceManager.contents.get(path, { content: false });
    } catch {
      return path;
    }
  }
}

const plugin: JupyterFrontEndPlugin<void> = {
  id: 'graduasi:scenarios',
  description: 'The Graduasi panel: built-in scenarios, their parameters and sources, and comparison cells.',
  autoStart: true,
  requires: [INotebookTracker],
  optional: [ILayoutRestorer, IDefaultFileBrowser],
  activate: (app: JupyterFrontEnd, tracker: INotebookTracker, restorer: ILayoutRestorer | null, browser: FileBrowser | null) => {
    const panel = new ScenarioPanel(app, tracker);
    const pick = (args: { id?: unknown }) => (typeof args.id === 'string' ? panel.scenario(args.id) : panel.current);

    app.commands.addCommand(COMMANDS.insert, {
      label: 'Graduasi: insert a comparison cell for the scenario picked',
      isEnabled: (args) => tracker.currentWidget !== null && pick(args) !== undefined,
      execute: (args) => {
        const scenario = pick(args);
        const notebook = tracker.currentWidget;
        if (!scenario || !notebook) return;
        NotebookActions.insertBelow(notebook.content);
        notebook.content.activeCell?.model.sharedModel.setSource(comparisonCell(scenario, panel.reference));
        notebook.content.mode = 'command';
        app.shell.activateById(notebook.id);
      },
    });
    app.commands.addCommand(COMMANDS.open, {
      label: 'Graduasi: new notebook comparing the scenario picked',
      isEnabled: (args) => pick(args) !== undefined,
      execute: async (args) => {
        const scenario = pick(args);
        if (!scenario) return;
        const path = await freePath(app, browser?.model.path ?? '', `compare-${scenario.id}`);
        await app.serviceManager.contents.save(path, { type: 'notebook', format: 'json', content: comparisonNotebook(scenario, panel.reference) });
        await app.commands.execute('docmanager:open', { path, factory: 'Notebook' });
      },
    });

    app.shell.add(panel, 'left', { rank: 150 });
    restorer?.add(panel, PANEL_ID);
    void panel.load();
  },
};

export default plugin;
