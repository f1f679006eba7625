// Package report turns a run's event stream into Newman's reports: a
// Summary (Newman's run summary, and the exit code), and the cli, json and
// junit reporters, each an event.Handler.
//
// The CLI builds everything with Open(names, Options), feeds the Set every
// event, closes it after the run, and exits 1 when Set.Summary().Failed().
// Reporters write only what the events carry; redacting secrets is the
// runner's job, before events reach a Set (issue 4).
//
// Where colrun deliberately differs from Newman 6.2.2 (each worth a README
// line):
//
//   - cli: the banner is "colrun"; a request error's failure row says
//     inside which request (Newman prints inside ""), and for a
//     pm.sendRequest which kind of script sent it; script errors carry
//     their line and column ("test-script:3:5") whenever the runner knows
//     them; the average response time is over the responses received
//     (Newman divides by every request, failed ones included, so its
//     average is low when requests fail); the DNS and first-byte rows of
//     the summary appear under --verbose only, as in Newman, which measures
//     them only then (colrun always measures them; the json report always
//     has them); trailing spaces of table cells are trimmed; the failure
//     table's headings are coloured only when colour is on (Newman colours
//     them even with --color off); a run stopped by an error is the last
//     row of the failure list, "RunError ... at run"; --verbose also shows
//     redirects, request and response headers and a note on bodies cut by
//     the kept-body cap, and its timing row has the phases colrun measures
//     (dns-lookup, tcp-handshake, ssl-handshake, transfer-start, download,
//     total; Newman also has prepare, wait and process); Warning events
//     (such as unresolved variables under --verbose) print as "⚠ ..." lines
//     ("! ..." under --disable-unicode, and redirects "-> ..." for "↪ ...").
//   - json: run.executions come before run.stats in the file, because
//     executions are streamed as they finish and stats are known only at
//     the end (JSON readers do not care about key order); collection holds
//     only info (id, name, schema, description), not the item tree, and
//     a collection without an id gets one derived from its name (Newman's
//     is random); environment
//     and globals hold the name and no values (values may hold secrets,
//     and --export-environment covers them); items carry id and name;
//     cursors have Newman's members but scriptId and execution (ids of
//     scripts the report does not list), and their httpRequestId is
//     derived from the cursor, not random; a
//     request's url is Newman's object form plus raw; response bodies keep
//     Newman's {"type": "Buffer", "data": [...]} form, on one line, holding
//     the kept part of the body (responseSize is the full size, truncated
//     is true when the runner cut it); responseTime is whole
//     milliseconds, and run.timings' response figures are computed from
//     those (integer min and max, as in Newman's); no random response id; a request error's
//     stack in failures is its first line, "Error: message", without
//     Node's frames; failures' errors have no checksum, id or timestamp
//     (serialised-error's); each pm.sendRequest
//     is an entry of its own, with its own request and response and
//     "sendRequest": "prerequest" or "test", after the item's entry, with
//     the item's assertions and script errors (Newman's entries for one
//     item are one object, so all show the item's last request); an assertion error's
//     stack is "AssertionError: message" when the runner has none (Newman
//     invents a sandbox-script.js frame); script errors carry
//     stacktrace[0].lineNumber as the script's own line (Newman's is
//     offset by its wrapper); run.error is {name: "RunError", message} when
//     the run stopped on an error (a failed sign-in), which is also the
//     last entry of run.failures, at "run", or when the stream never
//     reached RunEnd; after --bail, as in Newman, it stays null.
//   - junit: a failure in any iteration is kept (Newman's reporter keeps
//     the last iteration's outcome, so a failure followed by a pass is
//     lost), with a "Failed in iterations: 1, 3." line; script and request
//     errors are also testcases with an error element (named
//     "test-script", "prerequest-script", "request" or "pm.sendRequest in
//     test-script") so CI tools that
//     read only testcases show them, and stay in system-err as in Newman;
//     tests, failures and errors count testcases, as JUnit readers expect
//     (Newman's root tests is the number of requests run and a suite's
//     failures counts failed assertion runs), and the root carries
//     failures and errors too; an assertion skipped in every iteration has
//     a skipped element; a run stopped by an error adds a testsuite named
//     after the collection with a "run" error testcase.
//   - files: reports are written through a temporary file renamed into
//     place, so a reader never sees half a report, and get mode 0644; the
//     default paths are Newman's own (newman/newman-run-report-<time>-0.json
//     and .xml), so CI jobs collecting them keep working.
package report
