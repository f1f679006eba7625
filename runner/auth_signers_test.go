package runner

import (
	"context"
	"crypto/md5"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"hash"
	"net/http"
	"net/http/httptest"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/colrun/colrun/runner/variables"
)

// buildItem builds the only request of doc without sending it.
func buildItem(t *testing.T, doc string) (*Runner, *outgoing) {
	t.Helper()
	r, err := New(parse(t, doc), Options{NoScripts: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(r.transports.close)
	it := r.items[0]
	o, err := r.build(it, it.Request, variables.NewResolver(r.initialScopes()))
	if err != nil {
		t.Fatal(err)
	}
	return r, o
}

// everyRequestHeaders are left out of the comparison with Newman: they
// differ by client (User-Agent, Postman-Token...) or are the transport's.
var everyRequestHeaders = map[string]bool{
	"user-agent": true, "postman-token": true, "accept-encoding": true, "connection": true,
	"cache-control": true, "accept": true, "content-length": true, "host": true,
}

// TestSignersMatchNewman builds each request Newman signed (oauth1,
// awsv4, hawk, digest with the challenge given) and compares what colrun
// would send with what Newman sent, byte for byte.
func TestSignersMatchNewman(t *testing.T) {
	t.Parallel()
	const base = "http://127.0.0.1:33059"
	for _, v := range newmanVectors {
		t.Run(v.name, func(t *testing.T) {
			t.Parallel()
			name, _ := json.Marshal(v.name)
			doc := fmt.Sprintf(`{"info":{"name":"vectors"},"variable":[{"key":"base","value":%q}],"item":[{"name":%s,"request":%s}]}`, base, name, v.request)
			_, o := buildItem(t, doc)
			var headers []string
			for _, h := range o.Headers {
				if !everyRequestHeaders[strings.ToLower(h.Key)] {
					// Servers see values without the white space around them.
					headers = append(headers, strings.ToLower(h.Key)+": "+strings.TrimSpace(h.Value))
				}
			}
			sort.Strings(headers)
			got := newmanVector{name: v.name, request: v.request, uri: strings.TrimPrefix(o.URL, base), headers: headers, body: string(o.Body)}
			if diff := cmp.Diff(v, got, cmp.AllowUnexported(newmanVector{}), cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("differs from Newman (-newman +colrun):\n%s", diff)
			}
		})
	}
}

// digestServer demands digest auth (user "u", password "p") with one
// fixed challenge and checks each answer as RFC 7616 says, with the given
// algorithm and qop ("" for none).
type digestServer struct {
	algorithm, qop string
	mu             sync.Mutex
	seen           []string // "-" for an unsigned request, else ok/bad and nc
}

var digestField = regexp.MustCompile(`(\w+)=(?:"([^"]*)"|([^\s,]+))`)

func (s *digestServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body := make([]byte, r.ContentLength)
	if r.ContentLength > 0 {
		r.Body.Read(body)
	}
	verdict := s.check(r, string(body))
	s.mu.Lock()
	s.seen = append(s.seen, verdict)
	s.mu.Unlock()
	if strings.HasPrefix(verdict, "ok") {
		fmt.Fprint(w, "welcome")
		return
	}
	qop := ""
	if s.qop != "" {
		qop = fmt.Sprintf(`, qop="%s"`, s.qop)
	}
	w.Header().Add("WWW-Authenticate", `Basic realm="other"`)
	w.Header().Add("WWW-Authenticate", fmt.Sprintf(`Digest realm="test@host"%s, nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", opaque="5ccc069c403ebaf9f0171e9517f40e41", algorithm=%s`, qop, s.algorithm))
	w.WriteHeader(http.StatusUnauthorized)
}

func (s *digestServer) verdicts() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.seen...)
}

func (s *digestServer) check(r *http.Request, body string) string {
	auth, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Digest ")
	if !ok {
		return "-"
	}
	f := map[string]string{}
	for _, m := range digestField.FindAllStringSubmatch(auth, -1) {
		f[m[1]] = m[2] + m[3]
	}
	newHash := map[string]func() hash.Hash{"MD5": md5.New, "SHA-256": sha256.New}[strings.TrimSuffix(s.algorithm, "-sess")]
	h := func(x string) string {
		d := newHash()
		d.Write([]byte(x))
		return hex.EncodeToString(d.Sum(nil))
	}
	a1 := "u:" + f["realm"] + ":p"
	if strings.HasSuffix(s.algorithm, "-sess") {
		a1 = h(a1) + ":" + f["nonce"] + ":" + f["cnonce"]
	}
	a2 := r.Method + ":" + f["uri"]
	if s.qop == "auth-int" {
		a2 += ":" + h(body)
	}
	want := h(h(a1) + ":" + f["nonce"] + ":" + h(a2))
	if s.qop != "" {
		want = h(strings.Join([]string{h(a1), f["nonce"], f["nc"], f["cnonce"], f["qop"], h(a2)}, ":"))
	}
	if f["response"] != want || f["uri"] != r.URL.RequestURI() || f["opaque"] != "5ccc069c403ebaf9f0171e9517f40e41" {
		return "bad"
	}
	return "ok " + f["nc"]
}

func newDigestServer(t *testing.T, algorithm, qop string) (*digestServer, string) {
	t.Helper()
	s := &digestServer{algorithm: algorithm, qop: qop}
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)
	return s, srv.URL
}

// TestDigestChallengeIsAnsweredAndRemembered: the first request goes out
// unsigned, the 401's challenge is answered by a replay, and the next
// requests sharing the auth are signed straight away with the nonce count
// going up, as Newman does.
func TestDigestChallengeIsAnsweredAndRemembered(t *testing.T) {
	t.Parallel()
	tests := []struct {
		algorithm, qop string
		want           []string
	}{
		{"MD5", "auth", []string{"-", "ok 00000001", "ok 00000002", "ok 00000003"}},
		{"SHA-256", "auth-int", []string{"-", "ok 00000001", "ok 00000002", "ok 00000003"}},
		{"MD5-sess", "auth", []string{"-", "ok 00000001", "ok 00000002", "ok 00000003"}},
		{"SHA-256", "", []string{"-", "ok ", "ok ", "ok "}},
	}
	for _, tc := range tests {
		t.Run(tc.algorithm+"/"+tc.qop, func(t *testing.T) {
			t.Parallel()
			srv, url := newDigestServer(t, tc.algorithm, tc.qop)
			doc := fmt.Sprintf(`{"info":{"name":"d"},"auth":{"type":"digest","digest":[{"key":"username","value":"u"},{"key":"password","value":"{{pw}}"},{"key":"algorithm","value":%q}]},
				"variable":[{"key":"base","value":%q},{"key":"pw","value":"p"}],
				"item":[{"name":"one","request":{"method":"POST","url":"{{base}}/a?x=1 2","body":{"mode":"raw","raw":"hello"}}},
					{"name":"two","request":"{{base}}/b"},{"name":"three","request":"{{base}}/c"}]}`, tc.algorithm, url)
			ev, _ := run(t, parse(t, doc), Options{})
			if diff := cmp.Diff(tc.want, srv.verdicts()); diff != "" {
				t.Errorf("server saw (-want +got):\n%s", diff)
			}
			// The first item reports its challenged attempt and the replay,
			// as Newman does; the others are signed at once.
			var got []string
			for _, req := range ev.requests() {
				code := 0
				if req.Resp != nil {
					code = req.Resp.Code
				}
				got = append(got, fmt.Sprintf("%s %d", req.Item.Name, code))
			}
			if diff := cmp.Diff([]string{"one 401", "one 200", "two 200", "three 200"}, got); diff != "" {
				t.Errorf("reported requests (-want +got):\n%s", diff)
			}
		})
	}
}

// TestDigestReplayKeepsTheChallenge checks the exchange a replay leaves:
// the 401 and the unsigned request that drew it come first, and the
// outgoing request becomes the signed one, which pm.request then shows.
func TestDigestReplayKeepsTheChallenge(t *testing.T) {
	t.Parallel()
	_, url := newDigestServer(t, "MD5", "auth")
	doc := fmt.Sprintf(`{"info":{"name":"d"},"item":[{"name":"x","request":{"url":%q,"header":[{"key":"X-Mine","value":"1"}],
		"auth":{"type":"digest","digest":[{"key":"username","value":"u"},{"key":"password","value":"p"}]}}}]}`, url+"/x")
	r, o := buildItem(t, doc)
	ex, err := r.send(context.Background(), nil, o, r.sendOptionsFor(o))
	if err != nil {
		t.Fatal(err)
	}
	if len(ex.prior) != 1 || ex.prior[0].resp.Code != 401 {
		t.Fatalf("prior = %+v, want the 401", ex.prior)
	}
	for _, h := range ex.prior[0].sent.Headers {
		if strings.EqualFold(h.Key, "Authorization") {
			t.Errorf("the first request carried Authorization %q", h.Value)
		}
	}
	if ex.resp.Code != 200 {
		t.Errorf("final response %d, want 200", ex.resp.Code)
	}
	last := o.Headers[len(o.Headers)-1]
	if last.Key != "Authorization" || !strings.HasPrefix(last.Value, `Digest username="u", realm="test@host", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", uri="/x", algorithm="MD5", qop=auth, nc=00000001, cnonce="`) {
		t.Errorf("replayed request's last header = %+v, want Newman's digest Authorization after the others", last)
	}
}

// TestDigestFailuresAreNotRetriedForever: a wrong password gets one
// replay and its 401 stands; disableRetryRequest sends once.
func TestDigestFailuresAreNotRetriedForever(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, params string
		want         []string
		// reported is how many requests the item reports: each attempt
		// the server answered, the last with the 401 that stands.
		reported int
	}{
		{"wrong password", `{"key":"username","value":"u"},{"key":"password","value":"nope"}`, []string{"-", "bad"}, 2},
		{"retry disabled", `{"key":"username","value":"u"},{"key":"password","value":"p"},{"key":"disableRetryRequest","value":true}`, []string{"-"}, 1},
		{"no username", `{"key":"password","value":"p"}`, []string{"-", "-"}, 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			srv, url := newDigestServer(t, "MD5", "auth")
			doc := fmt.Sprintf(`{"info":{"name":"d"},"item":[{"name":"x","request":{"url":%q,"auth":{"type":"digest","digest":[%s]}}}]}`, url+"/x", tc.params)
			ev, _ := run(t, parse(t, doc), Options{})
			if diff := cmp.Diff(tc.want, srv.verdicts()); diff != "" {
				t.Errorf("server saw (-want +got):\n%s", diff)
			}
			reqs := ev.requests()
			if len(reqs) != tc.reported {
				t.Fatalf("%d requests reported, want %d", len(reqs), tc.reported)
			}
			for _, r := range reqs {
				if r.Resp == nil || r.Resp.Code != 401 {
					t.Errorf("request %+v, want a 401", r)
				}
			}
		})
	}
}

// TestHawkNonceIsFreshForEachRequest: unlike Newman, which reuses its
// first generated nonce and timestamp, each request gets its own nonce.
func TestHawkNonceIsFreshForEachRequest(t *testing.T) {
	t.Parallel()
	rec := newRecorder(t, nil)
	doc := fmt.Sprintf(`{"info":{"name":"h"},"auth":{"type":"hawk","hawk":[{"key":"authId","value":"id"},{"key":"authKey","value":"k"},{"key":"algorithm","value":"sha256"}]},
		"item":[{"name":"a","request":%q},{"name":"b","request":%q}]}`, rec.srv.URL+"/a", rec.srv.URL+"/b")
	run(t, parse(t, doc), Options{})
	nonce := regexp.MustCompile(`^Hawk id="id", ts="\d+", nonce="([A-Za-z0-9]{6})", mac="[A-Za-z0-9+/=]+"$`)
	var nonces []string
	for _, got := range rec.all() {
		m := nonce.FindStringSubmatch(got.Header.Get("Authorization"))
		if m == nil {
			t.Fatalf("Authorization = %q", got.Header.Get("Authorization"))
		}
		nonces = append(nonces, m[1])
	}
	if len(nonces) != 2 || nonces[0] == nonces[1] {
		t.Errorf("nonces = %q, want two different ones", nonces)
	}
}

// TestRedirectsCarryReferer: postman-request names the URL it was
// redirected from, replacing the request's own Referer, unless
// removeRefererHeaderOnRedirect is set.
func TestRedirectsCarryReferer(t *testing.T) {
	t.Parallel()
	routes := map[string]http.HandlerFunc{
		"/r1": func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/r2?b=1", http.StatusFound) },
		"/r2": func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, "/end", http.StatusTemporaryRedirect)
		},
	}
	rec := newRecorder(t, routes)
	run(t, parse(t, collection(rec.srv.URL, `{"name":"r","request":{"url":"{{base}}/r1?a=1","header":[{"key":"Referer","value":"mine"}]}}`)), Options{})
	var got []string
	for _, r := range rec.all() {
		got = append(got, r.URI+" "+r.Header.Get("Referer"))
	}
	want := []string{"/r1?a=1 mine", "/r2?b=1 " + rec.srv.URL + "/r1?a=1", "/end " + rec.srv.URL + "/r2?b=1"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}

	// With Postman's setting, postman-request sets no Referer of its own
	// on the redirected requests: the request's header goes on as it is.
	rec = newRecorder(t, routes)
	run(t, parse(t, collection(rec.srv.URL, `{"name":"r","protocolProfileBehavior":{"removeRefererHeaderOnRedirect":true},
		"request":{"url":"{{base}}/r1?a=1","header":[{"key":"Referer","value":"mine"}]}}`)), Options{})
	got = nil
	for _, r := range rec.all() {
		got = append(got, r.URI+" "+r.Header.Get("Referer"))
	}
	if diff := cmp.Diff([]string{"/r1?a=1 mine", "/r2?b=1 mine", "/end mine"}, got); diff != "" {
		t.Errorf("removeRefererHeaderOnRedirect (-want +got):\n%s", diff)
	}
}

// TestURLUserInfoIsSentAsBasic: http://user:pass@host/ sends Basic
// credentials (unescaped) unless the request's auth sets Authorization.
func TestURLUserInfoIsSentAsBasic(t *testing.T) {
	t.Parallel()
	rec := newRecorder(t, nil)
	withInfo := strings.Replace(rec.srv.URL, "http://", "http://us%20r:p%40ss:x@", 1)
	doc := fmt.Sprintf(`{"info":{"name":"u"},"item":[
		{"name":"a","request":%q},
		{"name":"b","request":{"url":%q,"auth":{"type":"bearer","bearer":[{"key":"token","value":"t"}]}}},
		{"name":"c","request":%q}]}`, withInfo+"/a", withInfo+"/b", strings.Replace(rec.srv.URL, "http://", "http://solo@", 1)+"/c")
	run(t, parse(t, doc), Options{})
	var got []string
	for _, r := range rec.all() {
		got = append(got, r.Header.Get("Authorization"))
	}
	basic := func(s string) string { return "Basic " + base64.StdEncoding.EncodeToString([]byte(s)) }
	if diff := cmp.Diff([]string{basic("us r:p@ss:x"), "Bearer t", basic("solo:")}, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestMissingParamsLeaveTheRequestUnsignedWithAWarning: as in Newman, an
// incomplete oauth1 or hawk auth sends the request as it is; colrun says
// so in a warning.
func TestMissingParamsLeaveTheRequestUnsignedWithAWarning(t *testing.T) {
	t.Parallel()
	for _, auth := range []string{
		`{"type":"oauth1","oauth1":[{"key":"consumerKey","value":"ck"},{"key":"signatureMethod","value":"HMAC-SHA1"}]}`,
		`{"type":"hawk","hawk":[{"key":"authId","value":"id"}]}`,
	} {
		_, o := buildItem(t, fmt.Sprintf(`{"info":{"name":"m"},"item":[{"name":"x","request":{"url":"http://127.0.0.1:1/x","header":[{"key":"Authorization","value":"mine"}],"auth":%s}}]}`, auth))
		if v, _ := o.header("Authorization"); v != "mine" {
			t.Errorf("%s: Authorization = %q, want the request's own", auth, v)
		}
		if len(o.Warnings) != 1 || !strings.Contains(o.Warnings[0], "sent unsigned") {
			t.Errorf("%s: warnings = %q", auth, o.Warnings)
		}
	}
}

func TestNonceCountAndParseInt(t *testing.T) {
	t.Parallel()
	for in, want := range map[any]string{"00000001": "00000002", "00000099": "00000100", "x": "00000001", nil: "00000001", 41.0: "00000042"} {
		p := authValue{v: in, present: in != nil}
		if got := nextNonceCount(p); got != want {
			t.Errorf("nextNonceCount(%v) = %q, want %q", in, got, want)
		}
	}
	if n, ok := jsParseInt("  12ab"); !ok || n != 12 {
		t.Errorf("jsParseInt = %d, %v", n, ok)
	}
}

func TestDecodeURIKeepsReservedEscapes(t *testing.T) {
	t.Parallel()
	got, err := decodeURI("/a%20b/%2F%C3%A9")
	if err != nil || got != "/a b/%2Fé" {
		t.Errorf("decodeURI = %q, %v", got, err)
	}
	if _, err := decodeURI("/%ZZ"); err == nil {
		t.Error("decodeURI accepted a malformed escape")
	}
	if got := encodeURI("/a b/%2Fé"); got != "/a%20b/%252F%C3%A9" {
		t.Errorf("encodeURI = %q", got)
	}
}
