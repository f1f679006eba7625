package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// newmanValuesScript reads every variable the case names from each scope
// and turns what it finds into assertion names, so that the report holds
// what scripts saw; the first assertion holds the request body as the
// server received it.
const newmanValuesScript = `const names = pm.collectionVariables.get('names').split(',');
pm.test('body ' + pm.response.text(), () => {});
const sc = {environment: pm.environment, globals: pm.globals, collectionVariables: pm.collectionVariables, iterationData: pm.iterationData};
for (const n of names) for (const s in sc) {
  const v = sc[s].get(n), has = sc[s].has(n);
  if (has || v !== undefined) pm.test(n + ' ' + s + ' ' + typeof v + ':' + JSON.stringify(v) + ' has=' + has, () => {});
}`

// TestVariableValuesAsNewman runs collections whose variables hold odd
// values (none at all, typed, disabled, duplicated, numbers JavaScript
// rewrites, cast CSV fields) and compares the request sent, what scripts
// read and what --export-environment/--export-globals write with Newman
// 6.2.2's, recorded from the same files. Newman's "enabled"-less entries
// are compared without colrun's "enabled".
func TestVariableValuesAsNewman(t *testing.T) {
	t.Parallel()
	bin := colrunBinary(t)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(w, r.Body)
	}))
	t.Cleanup(srv.Close)

	tests := []struct {
		name        string
		body, names string
		collVars    string // JSON list
		env, globs  string // "values" JSON lists; "" for no file
		data        string // file name and content, "name\ncontent"
		script      string // test script; "" for newmanValuesScript
		args        []string
		want        []string
		wantEnv     string
		wantGlobals string
	}{
		{
			name:     "variables defined without a value",
			body:     "token=[{{token}}] envtok=[{{envtok}}] typed=[{{typed}}] gtok=[{{gtok}}] nul=[{{nul}}]",
			names:    "token,envtok,typed,gtok,nul",
			collVars: `[{"key":"token"}]`,
			env:      `[{"key":"envtok"},{"key":"typed","type":"string"},{"key":"nul","value":null}]`,
			globs:    `[{"key":"gtok","type":"any"}]`,
			want: []string{
				"body token=[] envtok=[] typed=[undefined] gtok=[] nul=[null]",
				"token collectionVariables undefined:undefined has=true",
				"envtok environment undefined:undefined has=true",
				`typed environment string:"undefined" has=true`,
				"gtok globals undefined:undefined has=true",
				"nul environment object:null has=true",
			},
			wantEnv:     `[{"type":"any","key":"envtok"},{"type":"string","value":"undefined","key":"typed"},{"type":"any","value":null,"key":"nul"}]`,
			wantGlobals: `[{"type":"any","key":"gtok"}]`,
		},
		{
			name:  "typed values are cast, --env-var too",
			body:  "n=[{{n}}] b=[{{b}}] s=[{{s}}] port=[{{port}}] nabc=[{{nabc}}]",
			names: "n,b,s,port",
			env:   `[{"key":"n","type":"number","value":"12"},{"key":"b","type":"boolean","value":"false"},{"key":"s","type":"string","value":12},{"key":"port","type":"number","value":1},{"key":"nabc","type":"number","value":"abc"}]`,
			args:  []string{"--env-var", "port=8080"},
			want: []string{
				"body n=[12] b=[true] s=[12] port=[8080] nabc=[NaN]",
				"n environment number:12 has=true",
				"b environment boolean:true has=true",
				`s environment string:"12" has=true`,
				"port environment number:8080 has=true",
			},
			wantEnv:     `[{"type":"number","value":12,"key":"n"},{"type":"boolean","value":true,"key":"b"},{"type":"string","value":"12","key":"s"},{"type":"number","value":8080,"key":"port"},{"type":"number","value":null,"key":"nabc"}]`,
			wantGlobals: `[]`,
		},
		{
			name:  "--env-var and --global-var without = define a variable with no value",
			body:  "noeq=[{{noeq}}] t=[{{t}}] g=[{{g}}] e2=[{{e2}}] eq=[{{eq}}] a=[{{a}}] empty=[{{}}]",
			names: "noeq,t,g,e2,eq,a",
			env:   `[{"key":"noeq","value":"fromfile"},{"key":"t","type":"string","value":"x"}]`,
			args:  []string{"--env-var", "noeq", "--env-var", "t", "--global-var", "g", "--env-var", "e2=", "--env-var", "eq==x", "--env-var", "a=b=c", "--env-var", "=x"},
			want: []string{
				"body noeq=[] t=[undefined] g=[] e2=[] eq=[=x] a=[b=c] empty=[x]",
				"noeq environment undefined:undefined has=true",
				`t environment string:"undefined" has=true`,
				"g globals undefined:undefined has=true",
				`e2 environment string:"" has=true`,
				`eq environment string:"=x" has=true`,
				`a environment string:"b=c" has=true`,
			},
			wantEnv:     `[{"type":"any","key":"noeq"},{"type":"string","value":"undefined","key":"t"},{"type":"any","value":"","key":"e2"},{"type":"any","value":"=x","key":"eq"},{"type":"any","value":"b=c","key":"a"},{"type":"any","value":"x","key":""}]`,
			wantGlobals: `[{"type":"any","key":"g"}]`,
		},
		{
			name:  "disabled and duplicate entries",
			body:  "dis=[{{dis}}] dis1=[{{dis1}}] dup=[{{dup}}] dupd=[{{dupd}}] dupd2=[{{dupd2}}] off=[{{off}}]",
			names: "dup,dupd,dupd2,off",
			env:   `[{"key":"dis","value":"d","disabled":true},{"key":"dis1","value":"d1","disabled":1},{"key":"dup","value":"first"},{"key":"dup","value":"second"},{"key":"dupd","value":"first"},{"key":"dupd","value":"second","disabled":true},{"key":"dupd2","value":"first","disabled":true},{"key":"dupd2","value":"second"},{"key":"off","value":"o","disabled":true}]`,
			args:  []string{"--env-var", "off=on"},
			want: []string{
				"body dis=[{{dis}}] dis1=[{{dis1}}] dup=[second] dupd=[first] dupd2=[second] off=[on]",
				`dup environment string:"second" has=true`,
				`dupd environment string:"first" has=true`,
				`dupd2 environment string:"second" has=true`,
				`off environment string:"on" has=true`,
			},
			wantEnv:     `[{"disabled":true,"type":"any","value":"d","key":"dis"},{"disabled":1,"type":"any","value":"d1","key":"dis1"},{"type":"any","value":"first","key":"dup"},{"type":"any","value":"second","key":"dup"},{"type":"any","value":"first","key":"dupd"},{"disabled":true,"type":"any","value":"second","key":"dupd"},{"disabled":true,"type":"any","value":"first","key":"dupd2"},{"type":"any","value":"second","key":"dupd2"},{"disabled":true,"type":"any","value":"o","key":"off"},{"type":"any","value":"on","key":"off"}]`,
			wantGlobals: `[]`,
		},
		{
			// Any truthy "disabled" keeps a variable out of the request, but
			// scripts' get and has skip only "disabled": true. Newman writes
			// "disabled" back as the file had it, falsy ones too, so a reader
			// of the export skips what Newman skipped.
			name:     "disabled other than true: requests skip it, scripts read it, exports keep it",
			body:     "t=[{{t}}] one=[{{one}}] yes=[{{yes}}] obj=[{{obj}}] arr=[{{arr}}] strtrue=[{{strtrue}}] zero=[{{zero}}] nul=[{{nul}}] empty=[{{empty}}] g1=[{{g1}}]",
			names:    "t,one,yes,obj,arr,strtrue,zero,nul,empty,g1,c1",
			collVars: `[{"key":"c1","value":"cv","disabled":1}]`,
			env:      `[{"key":"t","value":"tv","disabled":true},{"key":"one","value":"1v","disabled":1},{"key":"yes","value":"yv","disabled":"yes"},{"key":"obj","value":"ov","disabled":{ }},{"key":"arr","value":"av","disabled":[]},{"key":"strtrue","value":"sv","disabled":"true"},{"key":"zero","value":"zv","disabled":0},{"key":"nul","value":"nv","disabled":null},{"key":"empty","value":"ev","disabled":""}]`,
			globs:    `[{"key":"g1","value":"gv","disabled":1}]`,
			want: []string{
				"body t=[{{t}}] one=[{{one}}] yes=[{{yes}}] obj=[{{obj}}] arr=[{{arr}}] strtrue=[{{strtrue}}] zero=[zv] nul=[nv] empty=[ev] g1=[{{g1}}]",
				`one environment string:"1v" has=true`,
				`yes environment string:"yv" has=true`,
				`obj environment string:"ov" has=true`,
				`arr environment string:"av" has=true`,
				`strtrue environment string:"sv" has=true`,
				`zero environment string:"zv" has=true`,
				`nul environment string:"nv" has=true`,
				`empty environment string:"ev" has=true`,
				`g1 globals string:"gv" has=true`,
				`c1 collectionVariables string:"cv" has=true`,
			},
			wantEnv:     `[{"disabled":true,"type":"any","value":"tv","key":"t"},{"disabled":1,"type":"any","value":"1v","key":"one"},{"disabled":"yes","type":"any","value":"yv","key":"yes"},{"disabled":{},"type":"any","value":"ov","key":"obj"},{"disabled":[],"type":"any","value":"av","key":"arr"},{"disabled":"true","type":"any","value":"sv","key":"strtrue"},{"disabled":0,"type":"any","value":"zv","key":"zero"},{"disabled":null,"type":"any","value":"nv","key":"nul"},{"disabled":"","type":"any","value":"ev","key":"empty"}]`,
			wantGlobals: `[{"disabled":1,"type":"any","value":"gv","key":"g1"}]`,
		},
		{
			// toObject, on every scope and the legacy objects, holds
			// disabled entries too, the last of a key winning, so that
			// pm.variables.toObject() shows the environment's disabled k
			// where get('k') reads the global.
			name:     "toObject holds disabled entries",
			body:     "k=[{{k}}]",
			collVars: `[{"key":"c1","value":"cv","disabled":true},{"key":"c2","value":"cv2"}]`,
			env:      `[{"key":"t","value":"tv","disabled":true},{"key":"one","value":1,"disabled":1},{"key":"dd","value":"a"},{"key":"dd","value":"b","disabled":true},{"key":"k","value":"envk","disabled":true}]`,
			globs:    `[{"key":"k","value":"globk"},{"key":"g","value":"gv","disabled":true}]`,
			script: `pm.test('environment ' + JSON.stringify(pm.environment.toObject()), () => {});
pm.test('globals ' + JSON.stringify(pm.globals.toObject()), () => {});
pm.test('collectionVariables ' + JSON.stringify(pm.collectionVariables.toObject()), () => {});
pm.test('variables ' + JSON.stringify(pm.variables.toObject()) + ' k=' + pm.variables.get('k'), () => {});
pm.test('legacy ' + JSON.stringify(environment) + ' ' + JSON.stringify(globals), () => {});`,
			want: []string{
				`environment {"t":"tv","one":1,"dd":"b","k":"envk"}`,
				`globals {"k":"globk","g":"gv"}`,
				`collectionVariables {"names":"","c1":"cv","c2":"cv2"}`,
				`variables {"k":"envk","g":"gv","names":"","c1":"cv","c2":"cv2","t":"tv","one":1,"dd":"b"} k=globk`,
				`legacy {"t":"tv","one":1,"dd":"b","k":"envk"} {"k":"globk","g":"gv"}`,
			},
			wantEnv:     `[{"disabled":true,"type":"any","value":"tv","key":"t"},{"disabled":1,"type":"any","value":1,"key":"one"},{"type":"any","value":"a","key":"dd"},{"disabled":true,"type":"any","value":"b","key":"dd"},{"disabled":true,"type":"any","value":"envk","key":"k"}]`,
			wantGlobals: `[{"type":"any","value":"globk","key":"k"},{"disabled":true,"type":"any","value":"gv","key":"g"}]`,
		},
		{
			name:  "numbers as JavaScript holds them",
			body:  "n1=[{{n1}}] n2=[{{n2}}] n3=[{{n3}}] n4=[{{n4}}] n5=[{{n5}}]",
			names: "n1,n2,n3,n4,n5",
			env:   `[{"key":"n1","value":1.0},{"key":"n2","value":1e21},{"key":"n3","value":-0},{"key":"n4","value":9007199254740993},{"key":"n5","value":1e-7}]`,
			want: []string{
				"body n1=[1] n2=[1e+21] n3=[0] n4=[9007199254740992] n5=[1e-7]",
				"n1 environment number:1 has=true",
				"n2 environment number:1e+21 has=true",
				"n3 environment number:0 has=true",
				"n4 environment number:9007199254740992 has=true",
				"n5 environment number:1e-7 has=true",
			},
			wantEnv:     `[{"type":"any","value":1,"key":"n1"},{"type":"any","value":1e+21,"key":"n2"},{"type":"any","value":0,"key":"n3"},{"type":"any","value":9007199254740992,"key":"n4"},{"type":"any","value":1e-7,"key":"n5"}]`,
			wantGlobals: `[]`,
		},
		{
			name:  "CSV fields cast by csv-parse's float test",
			body:  "a=[{{a}}] b=[{{b}}] c=[{{c}}] d=[{{d}}] e=[{{e}}]",
			names: "a,b,c,d,e",
			data:  "d.csv\na,b,c,d,e\n0x1A,007,-0,\"1.0\",1e400\n",
			want: []string{
				"body a=[0] b=[7] c=[0] d=[1.0] e=[1e400]",
				"a iterationData number:0 has=true",
				"b iterationData number:7 has=true",
				"c iterationData number:0 has=true",
				`d iterationData string:"1.0" has=true`,
				`e iterationData string:"1e400" has=true`,
			},
			wantEnv: `[]`, wantGlobals: `[]`,
		},
		{
			name:  "JSON data: null stays unresolved, arrays and objects as toString",
			body:  "a=[{{a}}] b=[{{b}}] c=[{{c}}] d=[{{d}}]",
			names: "a,b,c,d",
			data:  "d.json\n" + `[{"a":null,"b":-0,"c":[1,null,"x"],"d":{"k":1}}]`,
			want: []string{
				"body a=[{{a}}] b=[0] c=[1,,x] d=[[object Object]]",
				"a iterationData object:null has=true",
				"b iterationData number:0 has=true",
				`c iterationData object:[1,null,"x"] has=true`,
				`d iterationData object:{"k":1} has=true`,
			},
			wantEnv: `[]`, wantGlobals: `[]`,
		},
		{
			// A data null stays {{a}} in the request, but replaceIn reads
			// the data as variables, where null is "null".
			name: "JSON data: replaceIn gives a null as null",
			body: "a=[{{a}}] b=[{{b}}]",
			data: "d.json\n" + `[{"a":null,"b":"{{a}}"}]`,
			script: `pm.test('body ' + pm.response.text(), () => {});
pm.test('variables ' + pm.variables.replaceIn('a=[{{a}}] b=[{{b}}]') + ' ' + JSON.stringify(pm.variables.replaceIn({x: '{{a}}'})), () => {});
pm.test('iterationData ' + pm.iterationData.replaceIn('a=[{{a}}]'), () => {});`,
			want: []string{
				"body a=[{{a}}] b=[{{a}}]",
				`variables a=[null] b=[null] {"x":"null"}`,
				"iterationData a=[null]",
			},
			wantEnv: `[]`, wantGlobals: `[]`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			vars := `[{"key":"names","value":"` + tt.names + `"}]`
			if tt.collVars != "" {
				vars = `[{"key":"names","value":"` + tt.names + `"},` + strings.TrimPrefix(tt.collVars, "[")
			}
			src := newmanValuesScript
			if tt.script != "" {
				src = tt.script
			}
			script, _ := json.Marshal(strings.Split(src, "\n"))
			body, _ := json.Marshal(tt.body)
			coll := writeFile(t, dir, "c.json", fmt.Sprintf(`{"info":{"name":"values","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
			  "variable":%s,
			  "item":[{"name":"r","request":{"method":"POST","url":%q,"body":{"mode":"raw","raw":%s}},
			    "event":[{"listen":"test","script":{"exec":%s}}]}]}`, vars, srv.URL+"/", body, script))
			report, envOut, globOut := filepath.Join(dir, "r.json"), filepath.Join(dir, "env.json"), filepath.Join(dir, "glob.json")
			args := []string{"run", coll, "-r", "json", "--reporter-json-export", report, "--export-environment", envOut, "--export-globals", globOut}
			if tt.env != "" {
				args = append(args, "-e", writeFile(t, dir, "e.json", `{"name":"e","values":`+tt.env+`}`))
			}
			if tt.globs != "" {
				args = append(args, "-g", writeFile(t, dir, "g.json", `{"name":"g","values":`+tt.globs+`}`))
			}
			if tt.data != "" {
				name, content, _ := strings.Cut(tt.data, "\n")
				args = append(args, "-d", writeFile(t, dir, name, content))
			}
			cmd := exec.Command(bin, append(args, tt.args...)...)
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			if err := cmd.Run(); err != nil {
				t.Fatalf("colrun: %v\n%s", err, stderr.String())
			}

			var rep struct {
				Run struct {
					Executions []struct {
						Assertions []struct{ Assertion string } `json:"assertions"`
					} `json:"executions"`
				} `json:"run"`
			}
			readJSON(t, report, &rep)
			var got []string
			for _, e := range rep.Run.Executions {
				for _, a := range e.Assertions {
					got = append(got, a.Assertion)
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("assertions (-newman +colrun):\n%s", diff)
			}
			for _, exp := range []struct{ path, want string }{{envOut, tt.wantEnv}, {globOut, tt.wantGlobals}} {
				var file struct{ Values []map[string]json.RawMessage }
				readJSON(t, exp.path, &file)
				var want []map[string]json.RawMessage
				if err := json.Unmarshal([]byte(exp.want), &want); err != nil {
					t.Fatal(err)
				}
				if diff := cmp.Diff(exportEntries(want), exportEntries(file.Values)); diff != "" {
					t.Errorf("%s (-newman +colrun):\n%s", filepath.Base(exp.path), diff)
				}
			}
		})
	}
}

// exportEntries renders exported entries for comparison: compact JSON
// values and no "enabled" (Newman writes none; colrun keeps it for
// Postman's importer).
func exportEntries(entries []map[string]json.RawMessage) []map[string]string {
	out := []map[string]string{}
	for _, e := range entries {
		m := map[string]string{}
		for k, v := range e {
			if k == "enabled" {
				continue
			}
			var b bytes.Buffer
			_ = json.Compact(&b, v)
			m[k] = b.String()
		}
		out = append(out, m)
	}
	return out
}
