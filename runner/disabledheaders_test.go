package runner

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// headerNorm is the form both the scripts below and the test write a
// header in: "!" for disabled, key, "=value" (left out for a system
// header whose value differs between Newman and colrun: User-Agent,
// Host, an auth's), "(s)" for system.
const headerNorm = `const norm = h => (h.disabled ? '!' : '') + h.key + (h.system && !['Content-Type','Content-Length','Accept','Cache-Control','Accept-Encoding','X-Key'].includes(h.key) ? '' : '=' + h.value) + (h.system ? '(s)' : '');`

func normHeader(disabled, system bool, key, value string) string {
	s := key
	switch key {
	case "Content-Type", "Content-Length", "Accept", "Cache-Control", "Accept-Encoding", "X-Key":
		s += "=" + value
	default:
		if !system {
			s += "=" + value
		}
	}
	if disabled {
		s = "!" + s
	}
	if system {
		s += "(s)"
	}
	return s
}

// TestDisabledHeadersListedNotSent checks that a request's disabled
// headers are listed, as Newman 6.2.2 lists them, in a pre-request
// script's pm.request.headers (as written, an empty key too), in a test
// script's (variables resolved, an unknown one left as written, in their
// places before the runtime's headers, which are flagged system) and in
// the JSON report's request.header, while none goes on the wire. An
// auth's header replaces a disabled one of its name (postman-collection's
// removeHeader takes disabled ones too); a body's Content-Type and the
// runtime's headers do not. colrun left disabled headers out of the test
// script's and the report's lists and flagged no header system in
// scripts. Newman's Postman-Token and Connection, which colrun does not
// send, are left out of the comparison.
func TestDisabledHeadersListedNotSent(t *testing.T) {
	t.Parallel()
	rec := newRecorder(t, nil)
	tests := []struct {
		name string
		// request holds the request's members besides method and url.
		request string
		method  string
		// pre and test are Newman's pm.request.headers in the pre-request
		// and test scripts; the JSON report's request.header is test's.
		pre, test []string
		// lookup is Newman's [get('X-Off'), has('X-Off'), toObject(true)['x-off']] in the test script.
		lookup string
		// wire are headers the server must get as given ("" for absent).
		wire map[string]string
	}{
		{
			name: "own",
			request: `"header":[{"key":"X-On","value":"{{v}}"},{"key":"X-Off","value":"{{v}}-off","disabled":true},{"key":"","value":"emptykey","disabled":true},
				{"key":"X-{{v}}","value":"k","disabled":true},{"key":"X-Dup","value":"on"},{"key":"X-Dup","value":"off","disabled":true},
				{"key":"X-Undef","value":"{{nope}}","disabled":true}],"body":{"mode":"raw","raw":"hello"}`,
			pre:    []string{"X-On={{v}}", "!X-Off={{v}}-off", "!=emptykey", "!X-{{v}}=k", "X-Dup=on", "!X-Dup=off", "!X-Undef={{nope}}"},
			test:   []string{"X-On=resolved", "!X-Off=resolved-off", "!=emptykey", "!X-resolved=k", "X-Dup=on", "!X-Dup=off", "!X-Undef={{nope}}", "Content-Type=text/plain(s)", "User-Agent(s)", "Accept=*/*(s)", "Cache-Control=no-cache(s)", "Host(s)", "Accept-Encoding=gzip, deflate, br(s)", "Content-Length=5(s)"},
			lookup: `["resolved-off",true,null]`,
			wire:   map[string]string{"X-On": "resolved", "X-Dup": "on", "X-Off": "", "X-Resolved": "", "X-Undef": "", "Content-Type": "text/plain"},
		},
		{
			name:    "bearer",
			request: `"header":[{"key":"Authorization","value":"Bearer old","disabled":true},{"key":"X-A","value":"a"}],"auth":{"type":"bearer","bearer":[{"key":"token","value":"tok"}]}`,
			pre:     []string{"!Authorization=Bearer old", "X-A=a"},
			test:    []string{"X-A=a", "Authorization(s)", "User-Agent(s)", "Accept=*/*(s)", "Cache-Control=no-cache(s)", "Host(s)", "Accept-Encoding=gzip, deflate, br(s)", "Content-Length=0(s)"},
			lookup:  `[null,false,null]`,
			wire:    map[string]string{"Authorization": "Bearer tok", "X-A": "a"},
		},
		{
			name:    "basic",
			request: `"header":[{"key":"X-D","value":"d"},{"key":"authorization","value":"x","disabled":true},{"key":"X-Off","value":"o","disabled":true}],"auth":{"type":"basic","basic":[{"key":"username","value":"u"},{"key":"password","value":"p"}]}`,
			pre:     []string{"X-D=d", "!authorization=x", "!X-Off=o"},
			test:    []string{"X-D=d", "!X-Off=o", "Authorization(s)", "User-Agent(s)", "Accept=*/*(s)", "Cache-Control=no-cache(s)", "Host(s)", "Accept-Encoding=gzip, deflate, br(s)", "Content-Length=0(s)"},
			lookup:  `["o",true,null]`,
			wire:    map[string]string{"Authorization": "Basic dTpw", "X-Off": ""},
		},
		{
			// The auth replaces an enabled Authorization before the
			// disabled headers, which keep their places.
			name:    "auth replaces an enabled header",
			request: `"header":[{"key":"Authorization","value":"mine"},{"key":"X-Off","value":"o","disabled":true},{"key":"X-E","value":"e"},{"key":"X-Off2","value":"o2","disabled":true}],"auth":{"type":"bearer","bearer":[{"key":"token","value":"tok"}]}`,
			pre:     []string{"Authorization=mine", "!X-Off=o", "X-E=e", "!X-Off2=o2"},
			test:    []string{"!X-Off=o", "X-E=e", "!X-Off2=o2", "Authorization(s)", "User-Agent(s)", "Accept=*/*(s)", "Cache-Control=no-cache(s)", "Host(s)", "Accept-Encoding=gzip, deflate, br(s)", "Content-Length=0(s)"},
			lookup:  `["o",true,null]`,
			wire:    map[string]string{"Authorization": "Bearer tok", "X-E": "e", "X-Off": "", "X-Off2": ""},
		},
		{
			name:    "apikey",
			request: `"header":[{"key":"X-Key","value":"old","disabled":true},{"key":"X-C","value":"c"}],"auth":{"type":"apikey","apikey":[{"key":"key","value":"X-Key"},{"key":"value","value":"new"}]}`,
			pre:     []string{"!X-Key=old", "X-C=c"},
			test:    []string{"X-C=c", "X-Key=new(s)", "User-Agent(s)", "Accept=*/*(s)", "Cache-Control=no-cache(s)", "Host(s)", "Accept-Encoding=gzip, deflate, br(s)", "Content-Length=0(s)"},
			lookup:  `[null,false,null]`,
			wire:    map[string]string{"X-Key": "new"},
		},
		{
			name:    "json body",
			request: `"header":[{"key":"Content-Type","value":"text/xml","disabled":true}],"body":{"mode":"raw","raw":"{}","options":{"raw":{"language":"json"}}}`,
			pre:     []string{"!Content-Type=text/xml"},
			test:    []string{"!Content-Type=text/xml", "Content-Type=application/json(s)", "User-Agent(s)", "Accept=*/*(s)", "Cache-Control=no-cache(s)", "Host(s)", "Accept-Encoding=gzip, deflate, br(s)", "Content-Length=2(s)"},
			lookup:  `[null,false,null]`,
			wire:    map[string]string{"Content-Type": "application/json"},
		},
		{
			name:    "runtime's headers",
			method:  "GET",
			request: `"header":[{"key":"User-Agent","value":"mine","disabled":true},{"key":"Accept","value":"x/y","disabled":true},{"key":"Host","value":"h","disabled":true},{"key":"Content-Length","value":"99","disabled":true}]`,
			pre:     []string{"!User-Agent=mine", "!Accept=x/y", "!Host=h", "!Content-Length=99"},
			test:    []string{"!User-Agent=mine", "!Accept=x/y", "!Host=h", "!Content-Length=99", "User-Agent(s)", "Accept=*/*(s)", "Cache-Control=no-cache(s)", "Host(s)", "Accept-Encoding=gzip, deflate, br(s)"},
			lookup:  `[null,false,null]`,
			wire:    map[string]string{"User-Agent": "colrun", "Accept": "*/*"},
		},
		{
			name:    "urlencoded",
			request: `"header":[{"key":"Content-Type","value":"text/xml","disabled":true},{"key":"X-B","value":"b"}],"body":{"mode":"urlencoded","urlencoded":[{"key":"a","value":"1"}]}`,
			pre:     []string{"!Content-Type=text/xml", "X-B=b"},
			test:    []string{"!Content-Type=text/xml", "X-B=b", "User-Agent(s)", "Accept=*/*(s)", "Cache-Control=no-cache(s)", "Host(s)", "Accept-Encoding=gzip, deflate, br(s)", "Content-Length=3(s)"},
			lookup:  `[null,false,null]`,
			wire:    map[string]string{"Content-Type": "application/x-www-form-urlencoded", "X-B": "b"},
		},
	}
	pre := []string{headerNorm, "console.log(JSON.stringify(pm.request.headers.toJSON().map(norm)))"}
	test := []string{headerNorm, "const hs = pm.request.headers;",
		"console.log(JSON.stringify(hs.toJSON().filter(h => !(h.system && ['Postman-Token','Connection'].includes(h.key))).map(norm)))",
		"console.log(JSON.stringify([hs.get('X-Off') ?? null, hs.has('X-Off'), hs.toObject(true)['x-off'] ?? null]))"}
	exec := func(lines []string) string {
		q := make([]string, len(lines))
		for i, l := range lines {
			q[i] = strconv.Quote(l)
		}
		return strings.Join(q, ",")
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			method := tt.method
			if method == "" {
				method = "POST"
			}
			path := "/disabled/" + strconv.Itoa(i)
			doc := `{"info":{"name":"c"},"variable":[{"key":"v","value":"resolved"}],"item":[{"name":"r",
				"request":{"method":"` + method + `","url":"` + rec.srv.URL + path + `",` + tt.request + `},
				"event":[{"listen":"prerequest","script":{"exec":[` + exec(pre) + `]}},{"listen":"test","script":{"exec":[` + exec(test) + `]}}]}]}`
			ev, _ := runScripted(t, parse(t, doc), Options{UserAgent: "colrun"})

			var logs []string
			for _, e := range ev.all {
				if c := e.Console; c != nil {
					logs = append(logs, strings.Trim(c.Messages[0], "'"))
				}
			}
			if len(logs) != 3 {
				t.Fatalf("console = %q, want 3 lines", logs)
			}
			for j, want := range []any{tt.pre, tt.test} {
				var got []string
				if err := json.Unmarshal([]byte(logs[j]), &got); err != nil {
					t.Fatalf("console %q: %v", logs[j], err)
				}
				if d := cmp.Diff(want, got); d != "" {
					t.Errorf("%s script's pm.request.headers (-newman +colrun):\n%s", []string{"pre-request", "test"}[j], d)
				}
			}
			if d := cmp.Diff(tt.lookup, logs[2]); d != "" {
				t.Errorf("test script's get/has/toObject(true) of X-Off (-newman +colrun):\n%s", d)
			}

			var rep struct {
				Run struct {
					Executions []struct {
						Request struct {
							Header []struct {
								Key, Value       string
								Disabled, System bool
							}
						}
					}
				}
			}
			if err := json.Unmarshal(jsonReport(t, ev.all), &rep); err != nil {
				t.Fatal(err)
			}
			if n := len(rep.Run.Executions); n != 1 {
				t.Fatalf("%d executions, want 1", n)
			}
			var got []string
			for _, h := range rep.Run.Executions[0].Request.Header {
				got = append(got, normHeader(h.Disabled, h.System, h.Key, h.Value))
			}
			if d := cmp.Diff(tt.test, got); d != "" {
				t.Errorf("JSON report's request.header (-newman +colrun):\n%s", d)
			}

			var sent *received
			for _, r := range rec.all() {
				if r.URI == path {
					sent = &r
				}
			}
			if sent == nil {
				t.Fatalf("the server got no request for %s", path)
			}
			for k, want := range tt.wire {
				if got := strings.Join(sent.Header.Values(k), ", "); got != want {
					t.Errorf("sent %s = %q, want %q", k, got, want)
				}
			}
			for k, vs := range sent.Header {
				for _, v := range vs {
					if strings.Contains(v, "off") || v == "emptykey" || v == "old" || v == "mine" || v == "x/y" || v == "99" || v == "text/xml" {
						t.Errorf("a disabled header's value was sent: %s: %s", k, v)
					}
				}
			}
		})
	}
}
