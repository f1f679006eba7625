package main

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"
)

// utf16LEFile is text as Windows tools save "Unicode" files: UTF-16LE
// behind its byte order mark.
func utf16LEFile(s string) string {
	b := []byte{0xff, 0xfe}
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return string(b)
}

// TestUTF16LEInputFiles checks that collection, environment, globals and
// data files saved as UTF-16LE run as Newman 6.2.2 runs them (Newman's
// integration fixture bom-and-encoding/utf16-le-encoding-in-env): each
// case's output line is Newman's, and a file marked UTF-32LE is still
// refused, as Newman refuses it.
func TestUTF16LEInputFiles(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		args := map[string]string{}
		for k, v := range r.URL.Query() {
			args[k] = v[0]
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]any{"args": args})
	}))
	t.Cleanup(srv.Close)
	coll := `{"info":{"name":"u16"},"item":[{"name":"r","request":"` + srv.URL + `/get?e={{e}}&g={{g}}&d={{d}}",` +
		`"event":[{"listen":"test","script":{"exec":["pm.test('values ' + [pm.environment.get('e'), pm.globals.get('g'), pm.iterationData.get('d'), pm.response.json().args.e].join(' '), function () {});"]}}]}]}`
	env := `{"name":"env","values":[{"key":"e","value":"é-env"}]}`
	globals := `{"name":"glob","values":[{"key":"g","value":"ü-glob"}]}`
	csv := "d\nñ-csv\n"
	jsonData := `[{"d":"ñ-json"}]`
	plain := func(s string) string { return s }

	for _, tc := range []struct {
		name                     string
		coll, env, globals, data func(string) string
		dataName                 string
		wantCode                 int
		wantOut, wantErr         string
	}{
		{name: "collection", coll: utf16LEFile, env: plain, globals: plain, data: plain, dataName: "d.csv",
			wantOut: "✓  values é-env ü-glob ñ-csv é-env"},
		{name: "environment, globals and CSV data", coll: plain, env: utf16LEFile, globals: utf16LEFile, data: utf16LEFile, dataName: "d.csv",
			wantOut: "✓  values é-env ü-glob ñ-csv é-env"},
		{name: "JSON data", coll: plain, env: plain, globals: plain, data: utf16LEFile, dataName: "d.json",
			wantOut: "✓  values é-env ü-glob ñ-json é-env"},
		{name: "UTF-32LE's mark is not UTF-16LE", coll: plain, globals: plain, data: plain, dataName: "d.csv",
			env:      func(s string) string { return "\xff\xfe\x00\x00" + s },
			wantCode: exitUsage, wantErr: "e.json:1:1: invalid JSON"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			data := csv
			if tc.dataName == "d.json" {
				data = jsonData
			}
			res := colrun(t, nil, "run", writeFile(t, dir, "c.json", tc.coll(coll)),
				"-e", writeFile(t, dir, "e.json", tc.env(env)),
				"-g", writeFile(t, dir, "g.json", tc.globals(globals)),
				"-d", writeFile(t, dir, tc.dataName, tc.data(data)),
				"--color", "off", "--reporter-cli-no-summary")
			if res.code != tc.wantCode {
				t.Fatalf("exit %d, want %d; stderr %s", res.code, tc.wantCode, res.stderr)
			}
			if !strings.Contains(res.stdout, tc.wantOut) {
				t.Errorf("stdout lacks Newman's %q:\n%s", tc.wantOut, res.stdout)
			}
			if tc.wantErr != "" && (!strings.Contains(res.stderr, filepath.Join(dir, tc.wantErr)) || strings.Count(strings.TrimSpace(res.stderr), "\n") > 0) {
				t.Errorf("stderr = %q, want one line with %q", res.stderr, tc.wantErr)
			}
		})
	}
}
