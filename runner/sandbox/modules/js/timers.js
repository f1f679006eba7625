// Node's timers module maps to the sandbox's own timer globals, so timers
// stay under the sandbox's control (it awaits them between requests).
var g = (0, eval)('this');
['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'clearImmediate'].forEach(function (n) {
  exports[n] = function () {
    if (typeof g[n] !== 'function') throw new Error(n + ' is not available in this sandbox');
    return g[n].apply(g, arguments);
  };
});
