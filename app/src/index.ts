/**
 * The lab's front end: JupyterLab 4 put together from its npm packages, as in JupyterLab's
 * examples/app — file browser, notebooks, launcher, editor, search, the light theme, JSON and
 * Vega-Lite (v5) outputs, drawn without changing them (./vega) — plus the Graduasi scenario panel
 * (./panel). Served by app/server.py.
 *
 * A few plugins are left out because what they need is not here: the language server and the
 * table of contents (not bundled), the raw-cell metadata form, and the news announcements (backed
 * by the `jupyterlab` Python package, absent from Debian's jupyterlab_server).
 */
import './public-path';
import { JupyterLab } from '@jupyterlab/application';
import type { JupyterFrontEndPlugin } from '@jupyterlab/application';
import type { IRenderMime } from '@jupyterlab/rendermime-interfaces';
import applicationExtension from '@jupyterlab/application-extension';
import apputilsExtension from '@jupyterlab/apputils-extension';
import codemirrorExtension from '@jupyterlab/codemirror-extension';
import completerExtension from '@jupyterlab/completer-extension';
import docmanagerExtension from '@jupyterlab/docmanager-extension';
import documentsearchExtension from '@jupyterlab/documentsearch-extension';
import filebrowserExtension from '@jupyterlab/filebrowser-extension';
import fileeditorExtension from '@jupyterlab/fileeditor-extension';
import launcherExtension from '@jupyterlab/launcher-extension';
import mainmenuExtension from '@jupyterlab/mainmenu-extension';
import markedparserExtension from '@jupyterlab/markedparser-extension';
import notebookExtension from '@jupyterlab/notebook-extension';
import rendermimeExtension from '@jupyterlab/rendermime-extension';
import shortcutsExtension from '@jupyterlab/shortcuts-extension';
import statusbarExtension from '@jupyterlab/statusbar-extension';
import themeLightExtension from '@jupyterlab/theme-light-extension';
import translationExtension from '@jupyterlab/translation-extension';
import uiComponentsExtension from '@jupyterlab/ui-components-extension';
import jsonExtension from '@jupyterlab/json-extension';
import graduasiPanel from './panel';
import vegaAsSent from './vega';

/** Plugins whose requirements are not in this app. */
const LEFT_OUT = new Set([
  '@jupyterlab/apputils-extension:announcements',
  '@jupyterlab/fileeditor-extension:language-server',
  '@jupyterlab/notebook-extension:language-server',
  '@jupyterlab/notebook-extension:toc',
  '@jupyterlab/notebook-extension:update-raw-mimetype',
]);

type Plugins = JupyterFrontEndPlugin<unknown> | readonly JupyterFrontEndPlugin<unknown>[];

function plugins(...modules: Plugins[]): JupyterFrontEndPlugin<unknown>[] {
  return modules.flatMap((m) => (Array.isArray(m) ? m : [m as JupyterFrontEndPlugin<unknown>])).filter((p) => !LEFT_OUT.has(p.id));
}

async function main(): Promise<void> {
  const mimeExtensions = [jsonExtension, vegaAsSent] as unknown as IRenderMime.IExtensionModule[];
  const lab = new JupyterLab({ mimeExtensions });
  lab.registerPlugins(
    plugins(
      applicationExtension,
      apputilsExtension,
      codemirrorExtension,
      completerExtension,
      docmanagerExtension,
      documentsearchExtension,
      filebrowserExtension,
      fileeditorExtension,
      launcherExtension,
      mainmenuExtension,
      markedparserExtension,
      notebookExtension,
      rendermimeExtension,
      shortcutsExtension,
      statusbarExtension,
      themeLightExtension,
      translationExtension,
      uiComponentsExtension,
      graduasiPanel,
    ),
  );
  (window as unknown as { jupyterapp: JupyterLab }).jupyterapp = lab; // for the end-to-end test and the console
  await lab.start();
  await lab.restored;
}

window.addEventListener('load', () => {
  main().catch((e) => console.error('Graduasi lab failed to start', e));
});
