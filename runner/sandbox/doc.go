// Package sandbox runs Postman pre-request and test scripts on goja, with
// the `pm.*` API, the legacy globals (`tests`, `responseBody`, `postman`,
// `xml2Json`...), timers, console capture and pm.sendRequest, so that a
// collection's scripts give the results they give under Newman.
//
// The model follows k6's use of goja: a script is compiled once (Compile
// caches by name and source), and each Sandbox owns one goja runtime that
// runs every script of a run, or of one parallel worker. The `pm` object,
// the legacy globals and the libraries (chai from package chai, require()
// and the library globals from package modules) are installed once in New;
// a Run only swaps the per-execution state (scopes, request, response)
// behind them, and builds pm.request, pm.response and the legacy snapshots
// lazily, on first use.
//
// Postman-shaped objects (Request, Url, HeaderList, Response, Cookie...) are
// written in JavaScript, following postman-collection's behaviour, so that
// scripts that inspect them (`Object.values(pm.response.headers)[0]`,
// `pm.request.url.query.toObject()`) see what they see in Postman; Go does
// the work JavaScript cannot (variables, HTTP, cookies, XML) behind a small
// set of native functions.
//
// goja interprets that JavaScript, and each call, object and closure costs
// far more than under V8, so the per-request path avoids it: Go builds pm.response, pm.request, pm.cookies
// and pm.info itself (response.go, request.go), as the same objects the
// constructors make (fastpath_test.go compares them property by property),
// their parts (a request's url, headers, body and auth, a response's
// headers and cookies) on first read (lazy.go), and a pre-request script's
// changes to pm.request are looked for only in the parts it read;
// a response body is decoded and parsed as JSON once for all the scripts of
// a request, and JSON is parsed by Go (fastjson.go); a Run enters
// JavaScript only to call the script, the bootstrap beginning its
// per-run state on first use.
//
// # Differences from Newman 6.2.2
//
// Deliberate improvements:
//   - pm.test with an async function or a returned promise is awaited and
//     fails when the promise rejects (Newman passes it at once, and a
//     rejection crashes the Node process). A test whose done() is never
//     called or whose promise never settles is reported as failed; Newman
//     drops it.
//   - An error thrown in a timer, pm.sendRequest or cookie-jar callback is
//     the script's error; Newman does not count it.
//   - pm.sendRequest without a callback returns a promise; top-level await
//     works in scripts.
//   - Extra setTimeout/setInterval arguments reach the callback, as in Node.
//   - Script errors carry the line and column in the user's script (Newman's
//     stack lines are offset by the wrapper); `throw "text"` is reported as
//     Error: text (Newman shows an empty error).
//   - A promise rejection no handler takes by the end of the script (an
//     assertion failing in an async function nobody awaits) is the
//     script's error; under Newman it crashes the run.
//
// Known differences:
//   - Error messages are goja's where V8's wording is not reproduced: the
//     common ones are (reading/setting properties of undefined, "x is not
//     a function", syntax errors' "Unexpected token 'x'"); others, such as
//     the text of a native RangeError, are goja's, and a read of a property
//     of null says "of undefined". Deep recursion fails
//     with "RangeError: Maximum call stack size exceeded" that try/catch
//     cannot catch.
//   - Object values stored in variables read back in later scripts with
//     their keys sorted (variables hold Go values).
//   - pm.cookies.jar() works on an http.CookieJar: cookies read back carry
//     their name and value only.
//   - Console arguments are rendered as Node's console.log renders them
//     (strings as they are); Newman's CLI quotes strings.
//   - goja has no async generators (async function*: a SyntaxError) and
//     no Unicode property escapes (/\p{L}/u matches a literal "p{L}").
//   - pm.require throws an Error saying Postman's package library is not
//     available (Newman 6.2.2 has no pm.require: "pm.require is not a
//     function"); the global this of a script is the global object
//     (Newman's is a copy of it); globalThis exists (Newman has none).
//   - A failing assertion whose values hold a BigInt is reported as
//     failed; Newman cannot pass it out of its sandbox and stops the
//     script with "Do not know how to serialize a BigInt".
//   - lodash's debounce, throttle, delay and defer run (Newman's throw when
//     called: its lodash finds no setTimeout); ajv's coerceTypes,
//     useDefaults and removeAdditional options leave the data as it is.
package sandbox
