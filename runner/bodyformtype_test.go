package runner

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// A form body whose request sets a Content-Type that cannot describe it
// goes out with the form's own type, as postman-request corrects it while
// sending, while pm.request.headers and the report still list the
// request's value. Newman 6.2.2's server got, for a form-data body under
// "Content-Type: multipart/form-data" (a common hand-written header),
// "multipart/form-data; boundary=--------------------------563512605613184348003815"
// and a body with that boundary; colrun sent the header without a
// boundary, so the server could not read the form. A boundary the header
// does name is the body's, spaces and all ("abc def"); colrun drew a
// random one there, which the header did not name. For a urlencoded body
// colrun sent the right type but listed none.
func TestFormBodyReplacesAContentTypeThatCannotDescribeIt(t *testing.T) {
	t.Parallel()
	const random = "RANDOM"
	tests := []struct {
		name, mode, own string
		off             bool // disabledSystemHeaders names content-type
		// wantWire is the Content-Type the server gets; random stands for
		// form-data's boundary of 26 dashes and 24 digits.
		wantWire string
	}{
		{"bare multipart", "formdata", "multipart/form-data", false, "multipart/form-data; boundary=" + random},
		{"json", "formdata", "application/json", false, "multipart/form-data; boundary=" + random},
		{"multipart/mixed", "formdata", "multipart/mixed; boundary=XYZ", false, "multipart/form-data; boundary=" + random},
		{"type in capitals", "formdata", "Multipart/Form-Data; boundary=abc", false, "multipart/form-data; boundary=" + random},
		{"parameter in capitals", "formdata", "multipart/form-data; BOUNDARY=abc", false, "multipart/form-data; boundary=" + random},
		{"space before", "formdata", " multipart/form-data; boundary=abc", false, "multipart/form-data; boundary=" + random},
		{"boundary with a space", "formdata", "multipart/form-data; boundary=abc def", false, "multipart/form-data; boundary=abc def"},
		{"quoted boundary", "formdata", `multipart/form-data; boundary="Q Q"`, false, `multipart/form-data; boundary="Q Q"`},
		{"system content-type off", "formdata", "application/json", true, "application/json"},
		{"urlencoded json", "urlencoded", "application/json", false, "application/x-www-form-urlencoded"},
		{"urlencoded multipart", "urlencoded", "multipart/form-data", false, "application/x-www-form-urlencoded"},
	}
	randomBoundary := regexp.MustCompile(`-{26}[0-9]{24}$`)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			rec := newRecorder(t, nil)
			ppb := ""
			if tt.off {
				ppb = `"protocolProfileBehavior":{"disabledSystemHeaders":{"content-type":true}},`
			}
			c := parse(t, collection(rec.srv.URL, `{"name":"r",`+ppb+`"request":{"method":"POST","url":"{{base}}/post",
				"header":[{"key":"Content-Type","value":`+strconv.Quote(tt.own)+`}],
				"body":{"mode":"`+tt.mode+`","`+tt.mode+`":[{"key":"x","value":"1"}]}},
				"event":[{"listen":"test","script":{"exec":["pm.test(pm.request.headers.get('content-type'))"]}}]}`))
			ev, _ := runScripted(t, c, Options{})
			if len(rec.reqs) != 1 {
				t.Fatalf("%d requests reached the server, want 1", len(rec.reqs))
			}
			got := rec.reqs[0].Header.Get("Content-Type")
			wire := got
			if strings.HasSuffix(tt.wantWire, random) && randomBoundary.MatchString(got) {
				wire = randomBoundary.ReplaceAllString(got, random)
			}
			if wire != tt.wantWire {
				t.Errorf("the server got Content-Type %q, want %q", got, tt.wantWire)
			}
			body := rec.reqs[0].Body
			if tt.mode == "urlencoded" {
				if body != "x=1" {
					t.Errorf("the server got body %q, want %q", body, "x=1")
				}
			} else if _, b, ok := strings.Cut(got, "boundary="); ok {
				if first := "--" + strings.Trim(b, `"`) + "\r\n"; !strings.HasPrefix(body, first) {
					t.Errorf("the body does not start with the boundary its Content-Type names, %q:\n%q", first, body)
				}
			}
			var listed []string
			for _, e := range ev.all {
				if a := e.Assertion; a != nil {
					listed = append(listed, a.Name)
				}
			}
			if d := cmp.Diff([]string{tt.own}, listed); d != "" {
				t.Errorf("pm.request.headers' Content-Type in the test script (-want +got):\n%s", d)
			}
			var report []string
			for _, h := range ev.requests()[0].Sent.Headers {
				if strings.EqualFold(h.Key, "Content-Type") {
					report = append(report, h.Value)
				}
			}
			if d := cmp.Diff([]string{tt.own}, report); d != "" {
				t.Errorf("the report's Content-Type (-want +got):\n%s", d)
			}
		})
	}
}
