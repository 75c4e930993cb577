"""Executes one notebook with the project's kernel (Debian's nbclient) and writes the executed copy.

    /usr/bin/python3 scripts/execute-notebook.py IN.ipynb OUT.ipynb TIMEOUT_SECONDS

Called by scripts/notebooks.js, which sets JUPYTER_PATH and Jupyter's folders. The kernel is
"tslab" (jupyter/kernels/tslab) whatever the notebook's metadata says; it starts in the notebook's
folder, and its launcher moves to the repository root. The executed copy is written even when a
cell fails, without timing metadata: a notebook run here and one run and saved in the lab
(`npm run lab`) are the same file. Prints one JSON line: {"ok": true}, or {"ok": false, "cell": index, "source": ...,
"ename": ..., "evalue": ..., "traceback": [...]} for the cell that failed.

tslab reports a failed cell only with an error status and the error text on stderr (no "error"
message, so nbclient sees an empty "<Error>"): the error name and value are read from that text.
"""
import json
import os
import re
import sys

try:
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError
except ImportError as error:
    print(f"execute-notebook.py: {error}: install Debian's python3-nbclient (see .ci/apt-packages)", file=sys.stderr)
    sys.exit(2)

ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
# "TypeError: x is not a function", "Error [ERR_X]: …", "Uncaught SyntaxError: …"
RUNTIME_ERROR = re.compile(r"^(?:Uncaught )?([A-Za-z_$][\w$.]*(?:Error|Exception)|Error)(?: \[[\w-]+\])?: (.*)$")
# tslab's TypeScript diagnostics: "1:7 - Type 'string' is not assignable to type 'number'."
DIAGNOSTIC = re.compile(r"^\d+:\d+ - .*$")
# Stack frames of the kernel itself (tslab running the cell through node:vm), not of the notebook's code
KERNEL_FRAME = re.compile(r"^\s+at .*(node:vm|node_modules/tslab/|sigintHandlersWrap)")


def real_error(cell, error):
    """Name, value and traceback of the failure: an "error" output when the kernel sent one, else tslab's stderr."""
    for output in cell.outputs:
        if output.output_type == "error":
            return output.ename, output.evalue, [ANSI.sub("", line) for line in output.traceback]
    stderr = ANSI.sub("", "".join(o.text for o in cell.outputs if o.output_type == "stream" and o.name == "stderr"))
    lines = [line for line in stderr.rstrip("\n").split("\n") if not KERNEL_FRAME.match(line)] if stderr.strip() else []
    diagnostics = [line for line in lines if DIAGNOSTIC.match(line)]
    if diagnostics:
        return "TypeScript", "\n".join(diagnostics), lines
    for k, line in enumerate(lines):
        match = RUNTIME_ERROR.match(line)
        if match:  # the message runs on to the first stack frame
            rest = []
            for more in lines[k + 1:]:
                if re.match(r"^\s+at ", more) or not more.strip():
                    break
                rest.append(more)
            return match.group(1), "\n".join([match.group(2), *rest]), lines
    first = next((line for line in lines if line.strip()), "")
    return error.ename or "Error", first or error.evalue or "the cell failed and printed nothing", lines


def main(source, target, timeout):
    nb = nbformat.read(source, as_version=4)
    for cell in nb.cells:  # no output of an earlier run may pass for this one's
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
            cell.metadata.pop("execution", None)  # nor its timestamps
    client = NotebookClient(
        nb,
        kernel_name="tslab",
        timeout=timeout,
        # The kernel's first answer waits for tslab to start and compile; on a busy machine (the test
        # suite's own load) that took more than nbclient's default 60 s.
        startup_timeout=300,
        record_timing=False,  # as the lab saves a notebook it ran: no timestamps in cell metadata
        resources={"metadata": {"path": os.path.dirname(os.path.abspath(source))}},
    )
    running = {"index": None}
    execute_cell = client.async_execute_cell

    async def tracked(cell, cell_index, *args, **kwargs):
        running["index"] = cell_index
        return await execute_cell(cell, cell_index, *args, **kwargs)

    client.async_execute_cell = tracked
    result = {"ok": True}
    try:
        client.execute()
    except Exception as error:  # CellExecutionError, a timeout, a dead kernel
        index = running["index"]
        if isinstance(error, CellExecutionError) and index is not None:
            cell = nb.cells[index]
            ename, evalue, traceback = real_error(cell, error)
        else:
            cell = nb.cells[index] if index is not None else None
            ename, evalue, traceback = type(error).__name__, str(error).strip(), []
        result = {
            "ok": False,
            "cell": index,
            "source": cell.source if cell is not None else "",
            "ename": ename,
            "evalue": evalue,
            "traceback": traceback,
        }
    os.makedirs(os.path.dirname(os.path.abspath(target)), exist_ok=True)
    nbformat.write(nb, target)
    print(json.dumps(result))


if __name__ == "__main__":
    if len(sys.argv) != 4:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
