// A batch worker that cannot start, as when its script or an option fails in the worker.
throw new Error('injected start failure');
