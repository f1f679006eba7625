// Package sandbox runs Postman pre-request and test scripts on goja, with
// the `pm.*` API, the legacy globals (`tests`, `responseBody`, `postman`,
// `xml2Json`...), timers, console capture and pm.sendRequest, so that a
// collection's scripts give the results they give under Newman.
//
// The model follows k6's use of goja: a script is compiled once per run
// (Compile caches by source), and each Sandbox owns one goja runtime that
// runs every script of a run, or of one parallel worker. The `pm` object,
// the legacy globals and the libraries (chai, require) are installed once
// in New; a Run only swaps the per-execution state (scopes, request,
// response) behind them, and builds pm.request, pm.response and the
// legacy snapshots lazily, on first use.
//
// Postman-shaped objects (Request, Url, HeaderList, Response, Cookie...) are
// written in JavaScript, following postman-collection's behaviour, so that
// scripts that inspect them (`Object.values(pm.response.headers)[0]`,
// `pm.request.url.query.toObject()`) see what they see in Postman; Go does
// the work JavaScript cannot (variables, HTTP, cookies, XML) behind a small
// set of native functions.
//
// Where colrun deliberately differs from Newman it says so on the API that
// differs; the list is collected in the Result and Sandbox docs.
package sandbox
