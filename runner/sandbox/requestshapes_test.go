package sandbox

import (
	"testing"
	"time"

	"github.com/colrun/colrun/collections"
)

// What pre-request scripts see of a request the collection writes in the
// shapes Newman keeps: a header's "disabled": false or null, a urlencoded
// entry without a key or value, a form entry's "disabled": false or null
// and its fileName, a raw body of 5, true or {}, a body's options of
// another mode, a file body's src as written (5, null, none) or "file":
// null, and the parameters of the auth types the block gives besides its
// type. The expected values are what Newman 6.2.2 logged for
// JSON.stringify of the part's toJSON() in a pre-request script of the
// same item. Each runs on the Go fast path and through the JavaScript
// constructors, which must agree.
func TestScriptsSeeRequestShapesAsNewman(t *testing.T) {
	t.Parallel()
	const body = `JSON.stringify(pm.request.body.toJSON())`
	const auth = `JSON.stringify(pm.request.auth.toJSON())`
	tests := []struct {
		name, request, expr, want string
	}{
		{"urlencoded without key or value, disabled false or null",
			`{"method":"POST","url":"http://127.0.0.1/post","body":{"mode":"urlencoded","urlencoded":[{"value":"v"},{"key":"k"},{"key":"a","value":"b","disabled":false},{"key":"n","value":"x","disabled":null},{"key":"d","value":"y","disabled":true}]}}`,
			body, `{"mode":"urlencoded","urlencoded":[{"value":"v"},{"key":"k"},{"disabled":false,"key":"a","value":"b"},{"disabled":false,"key":"n","value":"x"},{"disabled":true,"key":"d","value":"y"}]}`},
		{"formdata without key or value, disabled, fileName",
			`{"method":"POST","url":"http://127.0.0.1/post","body":{"mode":"formdata","formdata":[{"value":"v"},{"key":"k"},{"key":"a","value":"b","disabled":false},{"key":"f","value":"x","fileName":"a.txt"},{"key":"g","value":"x","fileName":null},{"key":"t","type":"text","value":"x","disabled":false},{"key":"h","type":"text","value":"x","disabled":null}]}}`,
			body, `{"mode":"formdata","formdata":[{"key":"","value":"v"},{"key":"k","value":""},{"disabled":false,"key":"a","value":"b"},{"key":"f","value":"x","fileName":"a.txt"},{"key":"g","value":"x","fileName":null},{"disabled":false,"key":"t","value":"x","type":"text"},{"disabled":false,"key":"h","value":"x","type":"text"}]}`},
		{"urlencoded with its options",
			`{"method":"POST","url":"http://127.0.0.1/post","body":{"mode":"urlencoded","urlencoded":[{"key":"a","value":"b"}],"options":{"urlencoded":{"x":1}}}}`,
			body, `{"mode":"urlencoded","urlencoded":[{"key":"a","value":"b"}],"options":{"urlencoded":{"x":1}}}`},
		{"raw with another mode's options",
			`{"method":"POST","url":"http://127.0.0.1/post","body":{"mode":"raw","raw":"x","options":{"raw":{"language":"json","headerFamily":"json"},"urlencoded":{}}}}`,
			body, `{"mode":"raw","raw":"x","options":{"raw":{"language":"json","headerFamily":"json"},"urlencoded":{}}}`},
		{"raw 5", `{"method":"POST","url":"http://127.0.0.1/post","body":{"mode":"raw","raw":5}}`, body, `{"mode":"raw","raw":5}`},
		{"raw true", `{"method":"POST","url":"http://127.0.0.1/post","body":{"mode":"raw","raw":true}}`, body, `{"mode":"raw","raw":true}`},
		{"raw {}", `{"method":"POST","url":"http://127.0.0.1/post","body":{"mode":"raw","raw":{}}}`, body, `{"mode":"raw","raw":{}}`},
		{"raw false", `{"method":"POST","url":"http://127.0.0.1/post","body":{"mode":"raw","raw":false}}`, body, `{"mode":"raw","raw":""}`},
		{"file src 5", `{"method":"POST","url":"http://127.0.0.1/post","body":{"mode":"file","file":{"src":5}}}`,
			body, `{"mode":"file","file":{"src":5}}`},
		{"file src null", `{"method":"POST","url":"http://127.0.0.1/post","body":{"mode":"file","file":{"src":null}}}`,
			body, `{"mode":"file","file":{"src":null}}`},
		{"file null", `{"method":"POST","url":"http://127.0.0.1/post","body":{"mode":"file","file":null}}`,
			body, `{"mode":"file","file":null}`},
		{"file content without src", `{"method":"POST","url":"http://127.0.0.1/post","body":{"mode":"file","file":{"content":"aGk="}}}`,
			body, `{"mode":"file","file":{"content":"aGk="}}`},
		{"file src empty", `{"method":"POST","url":"http://127.0.0.1/post","body":{"mode":"file","file":{"src":""}}}`,
			body, `{"mode":"file","file":{"src":""}}`},
		{"headers disabled false or null",
			`{"method":"GET","url":"http://127.0.0.1/get","header":[{"key":"A","value":"1","disabled":false},{"key":"B","value":"2","disabled":null},{"key":"D","value":"4","disabled":true},{"key":"E","value":"5"}]}`,
			`JSON.stringify(pm.request.headers.toJSON())`, `[{"disabled":false,"key":"A","value":"1"},{"disabled":null,"key":"B","value":"2"},{"disabled":true,"key":"D","value":"4"},{"key":"E","value":"5"}]`},
		{"auth with other types, v2.1",
			`{"method":"GET","url":"http://127.0.0.1/get","auth":{"type":"bearer","bearer":[{"key":"token","value":"t","type":"string"}],"basic":[{"key":"username","value":"u","type":"string"},{"key":"password","value":"p","type":"string"}],"apikey":[{"key":"key","value":"k"}]}}`,
			auth, `{"type":"bearer","bearer":[{"type":"string","value":"t","key":"token"}],"basic":[{"type":"string","value":"u","key":"username"},{"type":"string","value":"p","key":"password"}],"apikey":[{"type":"any","value":"k","key":"key"}]}`},
		{"auth with other types, v2.0",
			`{"method":"GET","url":"http://127.0.0.1/get","auth":{"type":"basic","basic":{"username":"u","password":"p"},"bearer":{"token":"t"}}}`,
			auth, `{"type":"basic","basic":[{"type":"any","value":"u","key":"username"},{"type":"any","value":"p","key":"password"}],"bearer":[{"type":"any","value":"t","key":"token"}]}`},
	}
	for _, tt := range tests {
		for _, eager := range []bool{false, true} {
			name := tt.name
			if eager {
				name += " (constructors)"
			}
			t.Run(name, func(t *testing.T) {
				t.Parallel()
				c, err := collections.ParseCollection("c.json", []byte(`{"info":{"name":"c","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},"item":[{"name":"r","request":`+tt.request+`}]}`))
				if err != nil {
					t.Fatal(err)
				}
				exec := newExec("prerequest")
				exec.Request = c.Requests()[0].Request.Clone()
				sb := New(Options{Timeout: 10 * time.Second})
				sb.viaConstructor = eager
				res := runWith(t, sb, exec, `console.log(`+tt.expr+`)`)
				diff(t, "logged", []string{tt.want}, logs(res))
			})
		}
	}
}
