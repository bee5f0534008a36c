// Electronegativity fetches translations and Electron's release list with `got`. Without
// internet, got's retry timer throws after the caller has given up and crashes the process
// (p-cancelable under Node 24). The lookups are optional, so they are made to fail at once.
const Module = require('node:module');
const originalLoad = Module._load;
Module._load = function load(request, parent, isMain) {
  if (request === 'got') {
    const offline = () => Promise.reject(new Error('offline: network lookups are disabled for this run'));
    offline.head = offline;
    offline.get = offline;
    return offline;
  }
  return originalLoad.call(this, request, parent, isMain);
};
