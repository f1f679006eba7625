package runner

import (
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// TestAPIKeyAuthSignsAsNewman sends apikey auth that Newman 6.2.2 signs in
// its own way: a key it cannot send as a header name, values that are not
// text, and request headers whose names lodash's lowerCase makes the same
// as the key's. The request URI, the headers the server got and the
// headers the report lists are Newman's, recorded from a run against a
// server on 127.0.0.1. colrun failed the first and last requests
// ("invalid header field name") and sent "", "?k=" and "?n=5" for the
// others.
func TestAPIKeyAuthSignsAsNewman(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		auth    string // the apikey parameter list
		headers string // the request's header list
		url     string // after the server's base URL
		wantURI string
		// wantSent are the headers the server got, less every request's.
		wantSent []string
		// wantListed are the headers the report lists, less every
		// request's: name, value and "system" when set.
		wantListed []string
	}{
		{
			name:       "no key: listed, not sent, and the nameless headers go",
			auth:       `[{"key":"value","value":"v"}]`,
			headers:    `[{"key":"","value":"empty"},{"key":"-","value":"dash"},{"key":"Keep","value":"k"}]`,
			url:        "/a/1",
			wantURI:    "/a/1",
			wantSent:   []string{"keep: k"},
			wantListed: []string{"Keep: k", ": v system"},
		},
		{
			name:       "null value in a header",
			auth:       `[{"key":"key","value":"X-K"},{"key":"value","value":null}]`,
			url:        "/a/3",
			wantURI:    "/a/3",
			wantSent:   []string{"x-k: null"},
			wantListed: []string{"X-K: null system"},
		},
		{
			name:    "null value in the query",
			auth:    `[{"key":"key","value":"k"},{"key":"value","value":null},{"key":"in","value":"query"}]`,
			url:     "/a/4",
			wantURI: "/a/4?k",
		},
		{
			name:    "number value in the query",
			auth:    `[{"key":"key","value":"n"},{"key":"value","value":5},{"key":"in","value":"query"}]`,
			url:     "/a/8",
			wantURI: "/a/8?n",
		},
		{
			name:    "text value in the query replaces the key exactly",
			auth:    `[{"key":"key","value":"Key"},{"key":"value","value":"v"},{"key":"in","value":"query"}]`,
			url:     "/a/10?key=lower&Key=same",
			wantURI: "/a/10?key=lower&Key=v",
		},
		{
			name:       "headers named alike by lodash's lowerCase are replaced",
			auth:       `[{"key":"key","value":"X-Api-Key"},{"key":"value","value":"new"}]`,
			headers:    `[{"key":"x_api_key","value":"u"},{"key":"XApiKey","value":"c"},{"key":"x api key","value":"s"},{"key":"X-API-KEY","value":"d","disabled":true},{"key":"Other","value":"o"}]`,
			url:        "/a/7",
			wantURI:    "/a/7",
			wantSent:   []string{"other: o", "x-api-key: new"},
			wantListed: []string{"Other: o", "X-Api-Key: new system"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			rec := newRecorder(t, nil)
			headers := tc.headers
			if headers == "" {
				headers = "[]"
			}
			doc := collection(rec.srv.URL, fmt.Sprintf(`{"name":"k","request":{"method":"GET","url":"{{base}}%s","header":%s,"auth":{"type":"apikey","apikey":%s}}}`, tc.url, headers, tc.auth))
			ev, _ := run(t, parse(t, doc), Options{})
			reqs := ev.requests()
			if len(reqs) != 1 || reqs[0].Error != "" {
				t.Fatalf("requests = %+v, want one that got its response", reqs)
			}
			var listed []string
			for _, h := range reqs[0].Sent.Headers {
				if everyRequestHeaders[strings.ToLower(h.Key)] {
					continue
				}
				s := h.Key + ": " + h.Value
				if h.System {
					s += " system"
				}
				listed = append(listed, s)
			}
			if diff := cmp.Diff(tc.wantListed, listed, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("listed headers (-newman +colrun):\n%s", diff)
			}
			got := rec.all()
			if len(got) != 1 {
				t.Fatalf("server got %d requests, want 1", len(got))
			}
			if got[0].URI != tc.wantURI {
				t.Errorf("server got %s, Newman sends %s", got[0].URI, tc.wantURI)
			}
			var sent []string
			for k, vs := range got[0].Header {
				if !everyRequestHeaders[strings.ToLower(k)] {
					for _, v := range vs {
						sent = append(sent, strings.ToLower(k)+": "+v)
					}
				}
			}
			if diff := cmp.Diff(tc.wantSent, sent, cmpopts.EquateEmpty(), cmpopts.SortSlices(func(a, b string) bool { return a < b })); diff != "" {
				t.Errorf("headers sent (-newman +colrun):\n%s", diff)
			}
		})
	}
}

// TestDigestAuthListsWhatTheChallengeTaught runs two requests under a
// collection's digest auth against a server that challenges. Newman 6.2.2
// writes what the challenge taught back to the auth as "system"
// parameters (a realm left empty takes its value in place) and counts the
// nonce after each response, so test scripts and the json report list
// them, and it flags the replay's Authorization header as a system one.
// colrun listed only the collection's parameters and an unflagged header.
func TestDigestAuthListsWhatTheChallengeTaught(t *testing.T) {
	t.Parallel()
	srv, url := newDigestServer(t, "MD5", "auth")
	script := `{"listen":"test","script":{"exec":["pm.test(JSON.stringify(_.omit(pm.request.auth.parameters().toObject(), 'clientNonce')), () => {})"]}}`
	doc := fmt.Sprintf(`{"info":{"name":"d","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
		"auth":{"type":"digest","digest":[{"key":"username","value":"u"},{"key":"password","value":"{{pw}}"},{"key":"realm","value":""}]},
		"variable":[{"key":"base","value":%q},{"key":"pw","value":"p"}],"event":[%s],
		"item":[{"name":"one","request":"{{base}}/one"},{"name":"two","request":"{{base}}/two"}]}`, url, script)
	ev, _ := runScripted(t, parse(t, doc), Options{})
	if diff := cmp.Diff([]string{"-", "ok 00000001", "ok 00000002"}, srv.verdicts()); diff != "" {
		t.Fatalf("server saw (-want +got):\n%s", diff)
	}
	taught := `"realm":"test@host","nonce":"dcd98b7102dd2f0e8b11d0f600bfb0c093","opaque":"5ccc069c403ebaf9f0171e9517f40e41","qop":"auth"`
	tests := []struct {
		item       string
		wantScript string
		wantReport []string
	}{
		{
			item:       "one",
			wantScript: `{"username":"u","password":"p",` + taught + `,"nonceCount":"00000002"}`,
			wantReport: []string{"username=u", "password=********", "realm=test@host system", "nonce=dcd98b7102dd2f0e8b11d0f600bfb0c093 system",
				"opaque=5ccc069c403ebaf9f0171e9517f40e41 system", "qop=auth system", "clientNonce system", "nonceCount=00000002 system"},
		},
		{
			item:       "two",
			wantScript: `{"username":"u","password":"p",` + taught + `,"nonceCount":"00000003"}`,
			wantReport: []string{"username=u", "password=********", "realm=test@host system", "nonce=dcd98b7102dd2f0e8b11d0f600bfb0c093 system",
				"opaque=5ccc069c403ebaf9f0171e9517f40e41 system", "qop=auth system", "clientNonce system", "nonceCount=00000003 system"},
		},
	}
	var scripts []string
	for _, e := range ev.all {
		if a := e.Assertion; a != nil {
			scripts = append(scripts, a.Name)
		}
	}
	for i, tc := range tests {
		t.Run(tc.item, func(t *testing.T) {
			if i >= len(scripts) || scripts[i] != tc.wantScript {
				t.Errorf("pm.request.auth in the test script: got %q, Newman %q", scripts, tc.wantScript)
			}
			var report []string
			var authSystem []bool
			for _, req := range ev.requests() {
				if req.Item.Name != tc.item || req.Resp == nil || req.Resp.Code != 200 {
					continue
				}
				if req.Sent.Auth == nil {
					t.Fatal("the report lists no auth")
				}
				for _, p := range req.Sent.Auth.Params {
					s := p.Key + "=" + fmt.Sprint(p.Value)
					if p.Key == "clientNonce" {
						s = p.Key // random
					}
					if p.Meta != nil && p.Meta.System {
						s += " system"
					}
					report = append(report, s)
				}
				for _, h := range req.Sent.Headers {
					if h.Key == "Authorization" {
						authSystem = append(authSystem, h.System)
					}
				}
			}
			if diff := cmp.Diff(tc.wantReport, report); diff != "" {
				t.Errorf("report's request.auth (-newman +colrun):\n%s", diff)
			}
			if diff := cmp.Diff([]bool{true}, authSystem); diff != "" {
				t.Errorf("Authorization header's system flag (-newman +colrun):\n%s", diff)
			}
		})
	}
}

// TestScriptSendCountsTheDigestChallenge sends a pm.sendRequest with
// digest auth to a server that challenges. Newman 6.2.2 prints, counts
// and reports the challenged attempt as well as the signed replay (5
// requests in its summary for a run like this with three such sends), as
// it does for an item's own request; colrun reported only the replay.
func TestScriptSendCountsTheDigestChallenge(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, auth string
		want       []string // script and status of each reported request
		verdicts   []string // what the digest server made of each
	}{
		{
			name:     "digest",
			auth:     `{type: 'digest', digest: [{key: 'username', value: 'u'}, {key: 'password', value: 'p'}]}`,
			want:     []string{"prerequest 401", "prerequest 200", " 200"},
			verdicts: []string{"-", "ok 00000001"},
		},
		{
			name:     "basic is not replayed",
			auth:     `{type: 'basic', basic: [{key: 'username', value: 'u'}, {key: 'password', value: 'p'}]}`,
			want:     []string{"prerequest 401", " 200"},
			verdicts: []string{"-"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			srv, url := newDigestServer(t, "MD5", "auth")
			rec := newRecorder(t, nil)
			script := "pm.sendRequest({url: '" + url + "/sr', auth: " + tc.auth + "}, (e, r) => pm.test('got ' + r.code, () => {}))"
			doc := fmt.Sprintf(`{"info":{"name":"d","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
				"item":[{"name":"one","event":[{"listen":"prerequest","script":{"exec":[%q]}}],"request":%q}]}`, script, rec.srv.URL+"/own")
			ev, _ := runScripted(t, parse(t, doc), Options{})
			var got []string
			for _, req := range ev.requests() {
				code := 0
				if req.Resp != nil {
					code = req.Resp.Code
				}
				got = append(got, fmt.Sprintf("%s %d", req.Script, code))
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("reported requests (-newman +colrun):\n%s", diff)
			}
			if diff := cmp.Diff(tc.verdicts, srv.verdicts()); diff != "" {
				t.Errorf("digest server saw (-want +got):\n%s", diff)
			}
		})
	}
}
