/**
 * Where webpack loads the bundle's other chunks from: the server's static URL, known only when the
 * page is served (app/templates/index.html writes it into the page config). Imported first.
 */
import { PageConfig, URLExt } from '@jupyterlab/coreutils';

declare let __webpack_public_path__: string;
__webpack_public_path__ = URLExt.join(PageConfig.getOption('fullStaticUrl'), '/');
