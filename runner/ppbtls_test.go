package runner

import (
	"crypto/tls"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// tlsServer is an https server on 127.0.0.1 that allows only what cfg
// allows and answers with the version and suite it agreed on.
func tlsServer(t *testing.T, cfg *tls.Config) string {
	t.Helper()
	s := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, "%x %x", r.TLS.Version, r.TLS.CipherSuite)
	}))
	s.TLS = cfg
	s.StartTLS()
	t.Cleanup(s.Close)
	return s.URL
}

// TestTLSProtocolsAndCiphersAsNewmanNarrowsThem checks
// protocolProfileBehavior.tlsDisabledProtocols and tlsCipherSelection
// against Newman 6.2.2 (run with -k against the same servers): whether
// the request got an answer, with which TLS version and TLS 1.2 suite,
// or Newman's error (its first field, a thread id, zeroed). Node allows
// TLS 1.2 and 1.3 only; a list that is not an array, or an unknown
// name, changes nothing; OpenSSL's names may be joined by colons in one
// entry; a selection of TLS 1.3 suites only leaves no TLS 1.2 suite; a
// cipher selection that is not a list or names nothing ([], [""], [null])
// leaves the default suites, where colrun failed the request; an OpenSSL
// keyword (HIGH) adds suites, where colrun offered only the names given
// or failed the request.
func TestTLSProtocolsAndCiphersAsNewmanNarrowsThem(t *testing.T) {
	t.Parallel()
	tls12 := tlsServer(t, &tls.Config{MaxVersion: tls.VersionTLS12, CipherSuites: []uint16{tls.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384}})
	tls13 := tlsServer(t, &tls.Config{MinVersion: tls.VersionTLS13})
	const (
		alert70 = "write EPROTO 00000000:error:0A00042E:SSL routines:ssl3_read_bytes:tlsv1 alert protocol version:../deps/openssl/openssl/ssl/record/rec_layer_s3.c:1601:SSL alert number 70\n"
		alert40 = "write EPROTO 00000000:error:0A000410:SSL routines:ssl3_read_bytes:sslv3 alert handshake failure:../deps/openssl/openssl/ssl/record/rec_layer_s3.c:1601:SSL alert number 40\n"
	)
	tests := []struct {
		name, url, ppb string
		// body is what the server answered ("" when the request failed:
		// then err is Newman's message).
		body, err string
	}{
		{"TLS 1.2 disabled, server with 1.2 only", tls12, `{"tlsDisabledProtocols":["TLSv1_2"]}`, "", alert70},
		{"TLS 1.3 disabled, server with 1.3 only", tls13, `{"tlsDisabledProtocols":["TLSv1_3"]}`, "", alert70},
		{"TLS 1.3 disabled, server with 1.2", tls12, `{"tlsDisabledProtocols":["TLSv1_3"]}`, "303 c030", ""},
		{"every version disabled", tls12, `{"tlsDisabledProtocols":["TLSv1","TLSv1_1","TLSv1_2","TLSv1_3"]}`, "",
			"00000000:error:0A0000BF:SSL routines:tls_setup_handshake:no protocols available:../deps/openssl/openssl/ssl/statem/statem_lib.c:102:\n"},
		{"a string is not a list", tls12, `{"tlsDisabledProtocols":"TLSv1_2"}`, "303 c030", ""},
		{"unknown names", tls12, `{"tlsDisabledProtocols":["TLSv9","tlsv1_2","TLSv1.2",5]}`, "303 c030", ""},
		{"a suite the server lacks", tls12, `{"tlsCipherSelection":["ECDHE-RSA-AES128-GCM-SHA256"]}`, "", alert40},
		{"the server's suite", tls12, `{"tlsCipherSelection":["ECDHE-RSA-AES256-GCM-SHA384"]}`, "303 c030", ""},
		{"names joined by colons", tls12, `{"tlsCipherSelection":["ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384"]}`, "303 c030", ""},
		{"TLS 1.2 suites leave TLS 1.3 as it is", tls13, `{"tlsCipherSelection":["ECDHE-RSA-AES128-GCM-SHA256"]}`, "304 1301", ""},
		{"TLS 1.3 suites only leave TLS 1.2 none", tls12, `{"tlsCipherSelection":["TLS_AES_256_GCM_SHA384"]}`, "", alert70},
		{"no suite OpenSSL knows", tls12, `{"tlsCipherSelection":["NOPE"]}`, "", "error:0A0000B9:SSL routines::no cipher match"},
		{"an empty selection", tls12, `{"tlsCipherSelection":[]}`, "303 c030", ""},
		{"a selection of an empty name", tls12, `{"tlsCipherSelection":[""]}`, "303 c030", ""},
		{"a selection of null", tls12, `{"tlsCipherSelection":[null]}`, "303 c030", ""},
		{"a selection that is not a list", tls12, `{"tlsCipherSelection":"ECDHE-RSA-AES128-GCM-SHA256"}`, "303 c030", ""},
		{"a selection that is null", tls12, `{"tlsCipherSelection":null}`, "303 c030", ""},
		{"a selection of a space", tls12, `{"tlsCipherSelection":[" "]}`, "", "error:0A0000B9:SSL routines::no cipher match"},
		{"an OpenSSL keyword", tls12, `{"tlsCipherSelection":["HIGH"]}`, "303 c030", ""},
		{"a keyword beside a suite the server lacks", tls12, `{"tlsCipherSelection":["ECDHE-RSA-AES128-GCM-SHA256","HIGH"]}`, "303 c030", ""},
		{"keywords joined by + and a removal", tls12, `{"tlsCipherSelection":["ECDHE+AESGCM:!aNULL"]}`, "303 c030", ""},
		{"a removal alone", tls12, `{"tlsCipherSelection":["!aNULL"]}`, "", "error:0A0000B9:SSL routines::no cipher match"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			item := fmt.Sprintf(`{"name":"r","protocolProfileBehavior":%s,"request":{"method":"GET","url":"{{base}}/"}}`, tc.ppb)
			ev, _ := run(t, parse(t, collection(tc.url, item)), Options{Insecure: true})
			reqs := ev.requests()
			if len(reqs) != 1 {
				t.Fatalf("%d requests", len(reqs))
			}
			var body string
			if reqs[0].Resp != nil {
				body = string(reqs[0].Resp.Body)
			}
			if d := cmp.Diff(struct{ Body, Err string }{tc.body, tc.err}, struct{ Body, Err string }{body, reqs[0].Error}); d != "" {
				t.Errorf("(-newman +colrun):\n%s", d)
			}
		})
	}
}

// TestStrictSSLTrueChecksCertificatesUnderInsecure checks that a request's
// protocolProfileBehavior.strictSSL wins over -k, as under Newman 6.2.2:
// anything but false there (true, null, "false", 0), set on the request
// or its folder, has the certificate checked, and false does not. colrun
// let -k win, sending such requests to a server whose certificate nobody
// checked.
func TestStrictSSLTrueChecksCertificatesUnderInsecure(t *testing.T) {
	t.Parallel()
	base := tlsServer(t, &tls.Config{})
	tests := []struct {
		ppb      string
		insecure bool
		// refused is whether Newman failed the request (the test
		// server's certificate is self-signed).
		refused bool
	}{
		{`{}`, true, false},
		{`{"strictSSL":true}`, true, true},
		{`{"strictSSL":null}`, true, true},
		{`{"strictSSL":"false"}`, true, true},
		{`{"strictSSL":0}`, true, true},
		{`{"strictSSL":false}`, true, false},
		{`{}`, false, true},
		{`{"strictSSL":true}`, false, true},
		{`{"strictSSL":false}`, false, false},
	}
	for _, tc := range tests {
		t.Run(fmt.Sprintf("%s insecure=%v", tc.ppb, tc.insecure), func(t *testing.T) {
			t.Parallel()
			item := fmt.Sprintf(`{"name":"r","protocolProfileBehavior":%s,"request":{"method":"GET","url":"{{base}}/"}}`, tc.ppb)
			ev, _ := run(t, parse(t, collection(base, item)), Options{Insecure: tc.insecure})
			reqs := ev.requests()
			if len(reqs) != 1 {
				t.Fatalf("%d requests", len(reqs))
			}
			if refused := reqs[0].Error != ""; refused != tc.refused {
				t.Errorf("refused = %v (error %q), Newman refused = %v", refused, reqs[0].Error, tc.refused)
			}
		})
	}
}

// TestStrictSSLUnderFolderWinsOverInsecure checks the folder case: a
// folder's strictSSL: true reaches its requests under -k, and a request's
// false overrides it, as in Newman 6.2.2.
func TestStrictSSLUnderFolderWinsOverInsecure(t *testing.T) {
	t.Parallel()
	base := tlsServer(t, &tls.Config{})
	items := `{"name":"f","protocolProfileBehavior":{"strictSSL":true},"item":[
		{"name":"inherits","request":{"method":"GET","url":"{{base}}/a"}},
		{"name":"lenient","protocolProfileBehavior":{"strictSSL":false},"request":{"method":"GET","url":"{{base}}/b"}}]}`
	ev, _ := run(t, parse(t, collection(base, items)), Options{Insecure: true})
	var refused []bool
	for _, r := range ev.requests() {
		refused = append(refused, r.Error != "")
	}
	if d := cmp.Diff([]bool{true, false}, refused); d != "" {
		t.Errorf("refused (-newman +colrun):\n%s", d)
	}
}
