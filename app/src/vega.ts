/**
 * Vega and Vega-Lite outputs, drawn by JupyterLab's renderer (@jupyterlab/vega5-extension) and kept
 * as the kernel sent them.
 *
 * JupyterLab's renderer, once it has drawn a chart, writes an `image/png` copy of it into the
 * output's data (`model.setData`). That marks the notebook changed, and the next save (autosave
 * included) writes a PNG beside every chart: merely opening a committed notebook would rewrite it,
 * about twice as large. Here the renderer draws from the output and never writes to it; the static
 * copy a notebook carries is the kernel's own `image/svg+xml` (src/notebook).
 */
import vega5Extension, { RenderedVega, rendererFactory } from '@jupyterlab/vega5-extension';
import type { IRenderMime } from '@jupyterlab/rendermime-interfaces';

/** JupyterLab's Vega renderer, given a view of the output it can draw from but not change. */
export class RenderedVegaAsSent extends RenderedVega {
  override renderModel(model: IRenderMime.IMimeModel): Promise<void> {
    return super.renderModel(readOnly(model));
  }
}

/** The output's data and metadata, with a `setData` that keeps the output as it is. */
function readOnly(model: IRenderMime.IMimeModel): IRenderMime.IMimeModel {
  return { trusted: model.trusted, data: model.data, metadata: model.metadata, setData: () => undefined };
}

/** The Vega 5 / Vega-Lite 3–5 MIME extension of JupyterLab, with the renderer above. */
const vegaAsSent: IRenderMime.IExtension = {
  ...(vega5Extension as IRenderMime.IExtension),
  rendererFactory: { ...rendererFactory, createRenderer: (options) => new RenderedVegaAsSent(options) },
};

export default vegaAsSent;
