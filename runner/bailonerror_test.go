package runner

import (
	"net/http"
	"testing"
)

// Newman's --bail folder (postman-runtime's abortOnError) stops the run at
// the first script error or request error, but runs on past a failed
// assertion, as Newman 6.2.2 does: colrun took it to stop nothing.
func TestBailOnErrorStopsAtErrorsNotAtFailedAssertions(t *testing.T) {
	t.Parallel()
	rec := newRecorder(t, map[string]http.HandlerFunc{"/get": func(w http.ResponseWriter, r *http.Request) {}})
	item := func(name, listen, script string) string {
		ev := ""
		if listen != "" {
			ev = `"event":[{"listen":"` + listen + `","script":{"exec":["` + script + `"]}}],`
		}
		return `{"name":"` + name + `",` + ev + `"request":"` + rec.srv.URL + `/get?` + name + `"}`
	}
	fails := item("fails", "test", "pm.test('f', function () { pm.expect(1).to.eql(2); });")
	after := item("after", "", "")
	tests := []struct {
		name  string
		items string
		want  []string // the requests sent, in order
	}{
		{"a failed assertion runs on, both iterations", fails + "," + after, []string{"fails", "after", "fails", "after"}},
		{"a test script error stops", fails + "," + item("throws", "test", "throw new Error('boom');") + "," + after, []string{"fails", "throws"}},
		{"a pre-request script error stops before its request", item("pre", "prerequest", "throw new Error('boom');") + "," + after, nil},
		{"a request error stops", `{"name":"refused","request":"http://127.0.0.1:9/x"},` + after, []string{"refused"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			c := parse(t, `{"info":{"name":"t"},"item":[`+tt.items+`]}`)
			ev, _ := runScripted(t, c, Options{BailOnError: true, Iterations: 2})
			var got []string
			for _, r := range ev.requests() {
				got = append(got, r.Item.Name)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("requests %v, want %v", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Fatalf("requests %v, want %v", got, tt.want)
				}
			}
		})
	}
}
