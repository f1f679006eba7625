package report

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/colrun/colrun/collections"
	"github.com/colrun/colrun/runner/event"
)

// The recorded streams in testdata/*.jsonl are the reporters' inputs. They
// are built here (go test -run TestStreams -regen) so their shape follows
// the event types; sample.jsonl replays the run Newman 6.2.2 made of
// testdata/newman/sample.postman_collection.json (two iterations, same
// names, ids, times, sizes and outcomes), so the golden files can be set
// beside Newman's own output in testdata/newman/.
// refused1 is what Node puts on the error of a connection refused at
// 127.0.0.1:1.
var refused1 = &event.NodeError{Errno: -111, Code: "ECONNREFUSED", Syscall: "connect", Address: "127.0.0.1", Port: 1}

var regen = flag.Bool("regen", false, "rewrite the recorded event streams in testdata/*.jsonl")

func TestStreams(t *testing.T) {
	if !*regen {
		t.Skip("run with -regen to rewrite testdata/*.jsonl")
	}
	for name, evs := range map[string][]event.Event{
		"sample":       sampleStream(),
		"passing":      passingStream(),
		"verbose":      verboseStream(),
		"run-error":    runErrorStream(),
		"bail":         bailStream(),
		"cli-forms":    cliFormsStream(),
		"send-request": sendRequestStream(),
	} {
		var buf bytes.Buffer
		enc := event.NewEncoder(&buf)
		for _, e := range evs {
			if err := enc.Handle(e); err != nil {
				t.Fatal(err)
			}
		}
		if err := os.WriteFile(filepath.Join("testdata", name+".jsonl"), buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// builder assembles a stream with the cursors, refs and ordering a run
// produces.
type builder struct {
	evs    []event.Event
	length int
	cycles int
}

func (b *builder) add(e event.Event) { b.evs = append(b.evs, e) }

func (b *builder) start(col event.CollectionInfo, env string, iterations, requests int, at time.Time) {
	b.cycles, b.length = iterations, requests
	b.add(event.Event{RunStart: &event.RunStart{Collection: col, Environment: env, Iterations: iterations, Requests: requests, Started: at}})
}

func (b *builder) iteration(i int) {
	b.add(event.Event{IterationStart: &event.IterationStart{Iteration: i, Count: b.cycles}})
}

func (b *builder) iterationEnd(i int) {
	b.add(event.Event{IterationEnd: &event.IterationEnd{Iteration: i}})
}

func (b *builder) end(at time.Time, err string, bailed bool) {
	b.add(event.Event{RunEnd: &event.RunEnd{Completed: at, Error: err, Bailed: bailed}})
}

// item is one execution being built.
type item struct {
	b   *builder
	c   event.Cursor
	ref event.ItemRef
	n   int // assertions so far
}

func (b *builder) item(iter, pos int, id, name string, folders ...string) *item {
	it := &item{b: b, c: event.Cursor{Iteration: iter, Position: pos, Length: b.length, Ref: "ref-" + strconv.Itoa(iter) + "-" + strconv.Itoa(pos)},
		ref: event.ItemRef{ID: id, Name: name, Folders: folders}}
	b.add(event.Event{ItemStart: &event.ItemStart{Cursor: it.c, Item: it.ref}})
	return it
}

func (it *item) script(listen, level string, err *event.ScriptError) *item {
	it.b.add(event.Event{Script: &event.ScriptRun{Cursor: it.c, Item: it.ref, Listen: listen, Level: level, Error: err}})
	return it
}

func (it *item) console(level string, msgs ...string) *item {
	it.b.add(event.Event{Console: &event.Console{Cursor: it.c, Item: it.ref, Level: level, Messages: msgs}})
	return it
}

func (it *item) request(r event.Request) *item {
	r.Cursor, r.Item = it.c, it.ref
	it.b.add(event.Event{Request: &r})
	return it
}

func (it *item) pass(name string) *item { return it.assert(name, false, nil) }

func (it *item) fail(name, msg string) *item {
	return it.assert(name, false, &event.AssertionError{Name: "AssertionError", Message: msg})
}

func (it *item) assert(name string, skipped bool, err *event.AssertionError) *item {
	it.b.add(event.Event{Assertion: &event.Assertion{Cursor: it.c, Item: it.ref, Name: name, Index: it.n, Skipped: skipped, Error: err}})
	it.n++
	return it
}

func (it *item) warn(msg string) *item {
	c, r := it.c, it.ref
	it.b.add(event.Event{Warning: &event.Warning{Cursor: &c, Item: &r, Message: msg}})
	return it
}

func (it *item) end(skipped bool) {
	it.b.add(event.Event{ItemEnd: &event.ItemEnd{Cursor: it.c, Item: it.ref, Skipped: skipped}})
}

// endNext ends the item after a test script called setNextRequest(next).
func (it *item) endNext(next string) {
	it.b.add(event.Event{ItemEnd: &event.ItemEnd{Cursor: it.c, Item: it.ref, NextRequest: next}})
}

func ms(n float64) time.Duration { return time.Duration(n * float64(time.Millisecond)) }

func sent(method, url string, body string, hs ...string) event.SentRequest {
	s := event.SentRequest{Method: method, URL: url, Body: []byte(body), BodySize: int64(len(body))}
	for i := 0; i+1 < len(hs); i += 2 {
		s.Headers = append(s.Headers, event.Header{Key: hs[i], Value: hs[i+1]})
	}
	return s
}

// resp builds a response whose header size makes Newman's displayed size.
func resp(code int, status, ctype, body string, headerSize int64, t time.Duration, date string) *event.Response {
	return &event.Response{
		Code: code, Status: strconv.Itoa(code) + " " + status, Proto: "HTTP/1.1",
		Headers: []event.Header{
			{Key: "Server", Value: "BaseHTTP/0.6 Python/3.11.7"},
			{Key: "Date", Value: date},
			{Key: "Content-Type", Value: ctype},
			{Key: "Content-Length", Value: strconv.Itoa(len(body))},
		},
		Body: []byte(body), BodySize: int64(len(body)), HeaderSize: headerSize, Time: t,
	}
}

const (
	base     = "http://127.0.0.1:18080"
	jsonType = "application/json; charset=utf-8"
	userJSON = `{"id": 1, "name": "Ada", "roles": ["admin"]}`
)

func stdHeaders(host string) []string {
	return []string{"Accept", "application/json", "User-Agent", "colrun/test", "Accept-Encoding", "gzip", "Host", host}
}

// sampleStream is Newman's sample run (testdata/newman/sample.*).
func sampleStream() []event.Event {
	b := &builder{}
	start := time.UnixMilli(1795724941504).UTC()
	b.start(event.CollectionInfo{ID: "c0ffee00-0000-4000-8000-000000000001", Name: "Sample API"}, "", 2, 9, start)
	times := [2][9]float64{{17, 45, 46, 48, 42, 0, 50, 43, 43}, {42, 44, 42, 50, 46, 0, 45, 43, 43}}
	date := "Thu, 26 Nov 2026 20:29:01 GMT"
	host := stdHeaders("127.0.0.1:18080")
	for i := 0; i < 2; i++ {
		t := times[i]
		b.iteration(i)
		b.item(i, 0, "ccb6640c-5332-48c0-b106-4cf25ba18808", "Health").
			request(event.Request{Sent: sent("GET", base+"/health", "", host...), Resp: resp(200, "OK", jsonType, `{"ok": true}`, 159, ms(t[0]), date)}).
			pass("status is 200").script("test", "request", nil).end(false)

		it := b.item(i, 1, "1cf6f142-bdea-4f33-8a8c-4df838bf3d5c", "Get user", "Users").
			request(event.Request{Sent: sent("GET", base+"/users/1", "", host...), Resp: resp(200, "OK", jsonType, userJSON, 159, ms(t[1]), date)}).
			pass("status is 200").fail("name is Grace", "expected 'Ada' to deeply equal 'Grace'")
		if i == 0 {
			it.fail("first iteration only fails", "expected +0 to deeply equal 1")
		} else {
			it.pass("first iteration only fails")
		}
		it.script("test", "request", nil).end(false)

		b.item(i, 2, "2bfbb01e-63fb-468d-b158-08fe86ae9d6c", "List roles", "Users", "Admin").
			request(event.Request{Sent: sent("GET", base+"/users/1/roles", "", host...), Resp: resp(200, "OK", jsonType, userJSON, 159, ms(t[2]), date)}).
			console("log", "'roles'", "[ 'admin' ]").console("warn", "'careful'").
			assert("not ready yet", true, nil).pass("has roles").script("test", "request", nil).end(false)

		created := sent("POST", base+"/users", `{"name": "Grace"}`, append(host, "Content-Type", "application/json")...)
		if i == 0 {
			// The json report lists the body's definition (with its
			// language) when the stream has it, the wire bytes otherwise.
			created.Spec = &collections.Body{Mode: "raw", Raw: `{"name": "Grace"}`, Language: "json"}
		}
		b.item(i, 3, "16a29971-e58a-4dd4-baa4-bcc78d3b3bb5", "Create user", "Users").
			request(event.Request{Sent: created,
				Resp: resp(201, "Created", jsonType, `{"created": true, "echo": "{\"name\": \"Grace\"}"}`, 164, ms(t[3]), date)}).
			pass("created").
			script("test", "request", &event.ScriptError{Name: "ReferenceError", Message: "undefinedFn is not defined", Line: 3, Column: 5}).end(false)

		b.item(i, 4, "4c41893a-1bcd-4500-904a-959bbd5b6e3f", "Broken pre").
			script("prerequest", "request", &event.ScriptError{Name: "TypeError", Message: "Cannot set properties of undefined (setting 'c')", Line: 2, Column: 7}).
			request(event.Request{Sent: sent("GET", base+"/health", "", host...), Resp: resp(200, "OK", jsonType, `{"ok": true}`, 159, ms(t[4]), date)}).
			end(false)

		b.item(i, 5, "f14cd308-3381-4eae-a0f6-3049b99991ab", "Unreachable").
			request(event.Request{Sent: sent("GET", "http://127.0.0.1:1/nothing", "", stdHeaders("127.0.0.1:1")...), Error: "connect ECONNREFUSED 127.0.0.1:1", ErrorFields: refused1}).
			pass("never").script("test", "request", nil).end(false)

		b.item(i, 6, "5d178239-848b-413e-ba30-0b5572b892f5", "Follow redirect").
			request(event.Request{Sent: sent("GET", base+"/redirect", "", host...), Resp: resp(200, "OK", jsonType, userJSON, 159, ms(t[6]), date),
				Redirs: []event.Redirected{{Status: 302, URL: base + "/users/1"}}}).
			pass("landed").script("test", "request", nil).end(false)

		b.item(i, 7, "75dd2564-642f-4a98-9dc1-7058b660269e", "Big body").
			request(event.Request{Sent: sent("GET", base+"/big", "", host...), Resp: resp(200, "OK", "text/plain", strings.Repeat("x", 5000), 139, ms(t[7]), date)}).
			end(false)

		b.item(i, 8, "4bc970cd-e3b8-4ee1-976c-b1a6b3faa26a", "Not found").
			request(event.Request{Sent: sent("GET", base+"/missing", "", host...), Resp: resp(404, "Not Found", jsonType, `{"error": "not found"}`, 166, ms(t[8]), date)}).
			fail("is 200", "expected response to have status code 200 but got 404").script("test", "request", nil).end(false)
		b.iterationEnd(i)
		date = "Thu, 26 Nov 2026 20:29:02 GMT"
	}
	b.end(start.Add(969*time.Millisecond), "", false)
	return b.evs
}

// sendRequestStream is Newman's run of
// testdata/newman/sendrequest.postman_collection.json: a pm.sendRequest
// refused in a pre-request script, and in a test script one answered
// whose callback sends another (a 404) without a callback. Each is a
// Request of its item, placed where its answer came back.
func sendRequestStream() []event.Event {
	b := &builder{}
	start := time.UnixMilli(1795742295618).UTC()
	b.start(event.CollectionInfo{ID: "c0ffee00-0000-4000-8000-000000000051", Name: "Send Request"}, "", 1, 3, start)
	const srv = "http://127.0.0.1:18093"
	date := "Fri, 27 Nov 2026 01:18:15 GMT"
	host := stdHeaders("127.0.0.1:18093")
	b.iteration(0)
	b.item(0, 0, "5e0d0001-0000-4000-8000-000000000001", "Sign in first").
		request(event.Request{Script: "prerequest", Sent: sent("GET", "http://127.0.0.1:1/signin", "", stdHeaders("127.0.0.1:1")...), Error: "connect ECONNREFUSED 127.0.0.1:1", ErrorFields: refused1}).
		console("log", "'signin'", "'ECONNREFUSED'").
		script("prerequest", "request", nil).
		request(event.Request{Sent: sent("GET", srv+"/health", "", host...), Resp: resp(200, "OK", jsonType, `{"ok": true}`, 159, ms(7), date)}).
		pass("status is 200").script("test", "request", nil).end(false)
	b.item(0, 1, "5e0d0001-0000-4000-8000-000000000002", "Lookups").
		request(event.Request{Sent: sent("GET", srv+"/users/1", "", host...), Resp: resp(200, "OK", jsonType, userJSON, 159, ms(44), date)}).
		pass("user found").
		request(event.Request{Script: "test", Sent: sent("GET", srv+"/health", "", host...), Resp: resp(200, "OK", jsonType, `{"ok": true}`, 159, ms(45), date)}).
		console("log", "'health'", "200").
		request(event.Request{Script: "test", Sent: sent("GET", srv+"/missing", "", host...), Resp: resp(404, "Not Found", jsonType, `{"error": "not found"}`, 166, ms(44), date)}).
		script("test", "request", nil).end(false)
	b.item(0, 2, "5e0d0001-0000-4000-8000-000000000003", "Last").
		request(event.Request{Sent: sent("GET", srv+"/health", "", host...), Resp: resp(200, "OK", jsonType, `{"ok": true}`, 159, ms(43), date)}).
		pass("status is 200").script("test", "request", nil).end(false)
	b.iterationEnd(0)
	b.end(start.Add(272*time.Millisecond), "", false)
	return b.evs
}

// passingStream is a green single-iteration run over HTTPS with timing
// phases, nested folders and collection-level scripts.
func passingStream() []event.Event {
	b := &builder{}
	start := time.Date(2026, 3, 4, 9, 30, 0, 125e6, time.UTC)
	b.start(event.CollectionInfo{ID: "9a1b2c3d-0000-4000-8000-00000000abcd", Name: "Tableau REST smoke", Description: "Reads after sign-in"}, "Tableau Cloud", 1, 3, start)
	api := "https://tableau.example.test/api/3.22"
	b.iteration(0)
	tm := func(dns, conn, tls, fb, dl float64) *event.Timings {
		return &event.Timings{DNS: ms(dns), Connect: ms(conn), TLS: ms(tls), FirstByte: ms(fb), Download: ms(dl)}
	}
	r := func(body string, t time.Duration, timings *event.Timings) *event.Response {
		x := resp(200, "OK", "application/xml;charset=utf-8", body, 212, t, "Wed, 04 Mar 2026 09:30:00 GMT")
		x.Headers[0].Value = "Tableau"
		x.Timings = timings
		return x
	}
	hs := []string{"Accept", "application/xml", "X-Tableau-Auth", "********", "User-Agent", "colrun/test"}
	b.item(0, 0, "11111111-aaaa-4000-8000-000000000001", "Server info").
		script("prerequest", "collection", nil).
		request(event.Request{Sent: sent("GET", api+"/serverinfo", "", hs...), Resp: r(`<tsResponse><serverInfo><productVersion build="20243.24.1112">2024.3.1</productVersion><restApiVersion>3.24</restApiVersion></serverInfo></tsResponse>`, ms(182.4), tm(12.5, 20.1, 61.3, 80.2, 8.3))}).
		console("info", "'server 2024.3.1'").
		pass("Status code is 200").pass("Body has serverInfo").
		script("test", "collection", nil).script("test", "request", nil).end(false)
	b.item(0, 1, "11111111-aaaa-4000-8000-000000000002", "Query Sites", "Sites").
		script("prerequest", "collection", nil).
		request(event.Request{Sent: sent("GET", api+"/sites?pageSize=100&pageNumber=1", "", hs...), Resp: r(`<tsResponse><pagination pageNumber="1" pageSize="100" totalAvailable="1"/><sites><site id="5e2f" name="Default" contentUrl=""/></sites></tsResponse>`, ms(95.75), tm(0, 0, 0, 90.5, 5.25))}).
		pass("Status code is 200").
		script("test", "collection", nil).script("test", "request", nil).end(false)
	b.item(0, 2, "11111111-aaaa-4000-8000-000000000003", "Query Projects", "Sites", "Projects").
		script("prerequest", "collection", nil).
		request(event.Request{Sent: sent("GET", api+"/sites/5e2f/projects", "", hs...), Resp: r(`<tsResponse><projects><project id="p1" name="Default"/></projects></tsResponse>`, ms(0.85), tm(0, 0, 0, 0.7, 0.15))}).
		pass("Status code is 200").pass("Has a Default project").
		script("test", "collection", nil).script("test", "request", nil).end(false)
	b.iterationEnd(0)
	b.end(start.Add(312*time.Millisecond+400*time.Microsecond), "", false)
	return b.evs
}

// verboseStream exercises what --verbose shows: bodies both ways, header
// lists, redirects, unresolved variables, a body cut to the kept size, a
// binary body, a request skipped by its pre-request script and a warning.
func verboseStream() []event.Event {
	b := &builder{}
	start := time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC)
	b.start(event.CollectionInfo{Name: "Verbose cases"}, "local", 1, 5, start)
	b.iteration(0)
	date := "Fri, 01 May 2026 12:00:00 GMT"
	post := resp(201, "Created", jsonType, "{\n  \"id\": 7,\n\n  \"name\": \"Grace Hopper\"\n}", 150, ms(3.2), date)
	post.Headers = append(post.Headers, event.Header{Key: "Set-Cookie", Value: "session=abc; Path=/"})
	post.Timings = &event.Timings{DNS: ms(0.3), Connect: ms(0.4), FirstByte: ms(2.1), Download: ms(0.4)}
	b.item(0, 0, "v-1", "Create person", "People").
		request(event.Request{Sent: sent("POST", "http://127.0.0.1:8080/people?tag={{tag}}", `{"name": "Grace Hopper", "team": "{{team}}"}`, "Content-Type", "application/json", "Accept", "*/*"),
			Resp: post, Unresolved: []string{"tag", "team"}}).
		warn("unresolved variable {{tag}} was sent as is").warn("unresolved variable {{team}} was sent as is").
		pass("created").script("test", "request", nil).end(false)
	red := resp(200, "OK", jsonType, `{"id": 7}`, 150, ms(5.5), date)
	red.Timings = &event.Timings{FirstByte: ms(4.9), Download: ms(0.6)}
	b.item(0, 1, "v-2", "Old link", "People").
		request(event.Request{Sent: sent("GET", "http://127.0.0.1:8080/p/7", "", "Accept", "*/*"), Resp: red,
			Redirs: []event.Redirected{{Status: 301, URL: "http://127.0.0.1:8080/people/7/"}, {Status: 302, URL: "http://127.0.0.1:8080/people/7"}}}).
		pass("followed").script("test", "request", nil).end(false)
	big := resp(200, "OK", "text/csv", strings.Repeat("id,name,email\n", 300), 140, ms(41), date)
	big.BodySize, big.Truncated = 1_250_000, true
	b.item(0, 2, "v-3", "Export").
		request(event.Request{Sent: sent("GET", "http://127.0.0.1:8080/export.csv", "", "Accept", "text/csv"), Resp: big}).
		warn(`cookie "tracking" from 127.0.0.1:8080 rejected: its domain is a public suffix`).
		pass("has rows").script("test", "request", nil).end(false)
	img := resp(200, "OK", "image/png", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", 120, ms(1.1), date)
	b.item(0, 3, "v-4", "Logo").
		request(event.Request{Sent: sent("GET", "http://127.0.0.1:8080/logo.png", ""), Resp: img}).end(false)
	b.item(0, 4, "v-5", "Only on Fridays").
		console("info", "'skipping: not Friday'").
		script("prerequest", "request", nil).end(true)
	b.iterationEnd(0)
	b.end(start.Add(75*time.Millisecond), "", false)
	return b.evs
}

// runErrorStream is a run stopped by a run-level error in the middle of
// an item (a failed Tableau sign-in): no ItemEnd, IterationEnd follows.
func runErrorStream() []event.Event {
	b := &builder{}
	start := time.Date(2026, 6, 2, 8, 0, 0, 0, time.UTC)
	b.start(event.CollectionInfo{ID: "e0e0e0e0-0000-4000-8000-000000000000", Name: "Sign-in first"}, "prod", 3, 2, start)
	b.iteration(0)
	b.item(0, 0, "s-1", "Server info").
		request(event.Request{Sent: sent("GET", "https://tableau.example.test/api/3.22/serverinfo", ""), Resp: resp(200, "OK", "application/xml", "<tsResponse/>", 180, ms(250), "Tue, 02 Jun 2026 08:00:00 GMT")}).
		pass("Status code is 200").script("test", "request", nil).end(false)
	it := b.item(0, 1, "s-2", "Sign In", "Auth")
	it.request(event.Request{Sent: sent("POST", "https://tableau.example.test/api/3.22/auth/signin", `<tsRequest><credentials name="ada" password="********"><site contentUrl=""/></credentials></tsRequest>`, "Content-Type", "application/xml"),
		Resp: resp(401, "Unauthorized", "application/xml", `<tsResponse><error code="401001"><summary>Signin Error</summary><detail>Error signing in to Tableau Server</detail></error></tsResponse>`, 190, ms(1250), "Tue, 02 Jun 2026 08:00:01 GMT")}).
		fail("Status code is 200", "expected response to have status code 200 but got 401")
	b.end(start.Add(2*time.Second+120*time.Millisecond), "tableau sign-in failed: 401001 Signin Error: Error signing in to Tableau Server", false)
	return b.evs
}

// bailStream is Newman's --bail run: the first failing item ends the run.
func bailStream() []event.Event {
	b := &builder{}
	start := time.Date(2026, 11, 26, 20, 40, 0, 0, time.UTC)
	b.start(event.CollectionInfo{ID: "c0ffee00-0000-4000-8000-000000000001", Name: "Sample API"}, "", 1, 9, start)
	host := stdHeaders("127.0.0.1:18080")
	date := "Thu, 26 Nov 2026 20:40:00 GMT"
	b.iteration(0)
	b.item(0, 0, "ccb6640c-5332-48c0-b106-4cf25ba18808", "Health").
		request(event.Request{Sent: sent("GET", base+"/health", "", host...), Resp: resp(200, "OK", jsonType, `{"ok": true}`, 159, ms(25), date)}).
		pass("status is 200").script("test", "request", nil).end(false)
	b.item(0, 1, "1cf6f142-bdea-4f33-8a8c-4df838bf3d5c", "Get user", "Users").
		request(event.Request{Sent: sent("GET", base+"/users/1", "", host...), Resp: resp(200, "OK", jsonType, userJSON, 159, ms(3), date)}).
		pass("status is 200").fail("name is Grace", "expected 'Ada' to deeply equal 'Grace'").
		fail("first iteration only fails", "expected +0 to deeply equal 1").script("test", "request", nil).end(false)
	b.iterationEnd(0)
	b.end(start.Add(100*time.Millisecond), "", true)
	return b.evs
}

// cliFormsStream holds what Newman's cli reporter prints in a form of its
// own: a URL shown unencoded with its fragment, a setNextRequest notice,
// a multi-line failure message and a skipped assertion.
func cliFormsStream() []event.Event {
	b := &builder{}
	start := time.Date(2026, 7, 3, 9, 0, 0, 0, time.UTC)
	b.start(event.CollectionInfo{Name: "CLI forms"}, "", 1, 3, start)
	b.iteration(0)
	date := "Fri, 03 Jul 2026 09:00:00 GMT"
	u1 := sent("GET", "http://127.0.0.1:8080/p%20a/%E6%97%A5%E6%9C%AC?q=a%20b&d=%22x%22", "", "Accept", "*/*")
	u1.PostmanURL, u1.Fragment = `HTTP://127.0.0.1:8080/p a/日本?q=a b&d="x"#frag`, "frag"
	b.item(0, 0, "f-1", "Unencoded").
		request(event.Request{Sent: u1, Resp: resp(200, "OK", "text/plain", "hello", 120, ms(4), date)}).
		console("log", "'jumping'").
		pass("ok").script("test", "request", nil).endNext("Refused")
	b.item(0, 1, "f-2", "Refused").
		request(event.Request{Sent: sent("GET", "http://127.0.0.1:1/x", ""), Error: "connect ECONNREFUSED 127.0.0.1:1", ErrorFields: refused1,
			ErrorDetail: "nothing listens at 127.0.0.1:1: connection refused"}).end(false)
	b.item(0, 2, "f-3", "Parse").
		request(event.Request{Sent: sent("POST", "http://127.0.0.1:8080/text", ""), Resp: resp(200, "OK", "text/plain", "hello", 120, ms(3), date)}).
		assert("json", false, &event.AssertionError{Name: "JSONError", Message: "Unexpected token 'h' at 1:1\nhello\n^"}).
		pass("status").assert("later", true, nil).
		console("info", "'done'").
		script("test", "request", nil).end(false)
	b.iterationEnd(0)
	b.end(start.Add(20*time.Millisecond), "", false)
	return b.evs
}
