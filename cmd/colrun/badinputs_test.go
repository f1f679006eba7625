package main

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// hangingServer accepts requests and never answers them.
func hangingServer(t *testing.T) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// With the body read, the server notices the client hang up.
		_, _ = io.Copy(io.Discard, r.Body)
		<-r.Context().Done()
	}))
	t.Cleanup(srv.Close)
	return srv
}

// -r lists reporters as Newman reads them: an empty name (an unset shell
// variable, a doubled comma) is skipped with a warning and the run goes on
// (Newman 6.2.2: `could not find "" reporter`, and runs), where colrun
// used to refuse "cli,,json" (exit 2) and run `-r ""` without a word of
// output; spaces around a name are dropped.
func TestReporterListsWithBlanks(t *testing.T) {
	t.Parallel()
	srv := okServer(t)
	dir := t.TempDir()
	coll := writeFile(t, dir, "c.json", fmt.Sprintf(`{"info":{"name":"c"},"item":[{"name":"r","request":"%s/x"}]}`, srv.URL))
	const warning = "colrun: -r/--reporters: an empty reporter name is skipped, as Newman skips it"
	tests := []struct {
		name      string
		reporters string
		wantWarn  string
		wantCLI   bool
		wantJSON  bool
	}{
		{"empty list: the cli report runs", "", warning + "; showing the cli report instead", true, false},
		{"doubled comma", "cli,,json", warning + "\n", true, true},
		{"leading comma", ",json", warning + "\n", false, true},
		{"space after the comma", "cli, json", "", true, true},
	}
	for i, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			out := filepath.Join(dir, fmt.Sprintf("r%d.json", i))
			res := colrun(t, nil, "run", coll, "-r", tc.reporters, "--reporter-json-export", out)
			if res.code != exitOK {
				t.Fatalf("exit %d, want 0; stderr:\n%s", res.code, res.stderr)
			}
			if tc.wantWarn == "" && res.stderr != "" || !strings.Contains(res.stderr, tc.wantWarn) {
				t.Errorf("stderr = %q, want %q", res.stderr, tc.wantWarn)
			}
			if got := strings.Contains(res.stdout, "iterations"); got != tc.wantCLI {
				t.Errorf("cli summary shown = %v, want %v; stdout:\n%s", got, tc.wantCLI, res.stdout)
			}
			if _, err := os.Stat(out); (err == nil) != tc.wantJSON {
				t.Errorf("json report written = %v, want %v", err == nil, tc.wantJSON)
			}
		})
	}
}

// A variable whose value names itself several times multiplies at every
// one of the 19 substitution passes: colrun ran out of memory and died
// with a Go stack trace, writing no report or export (Newman grinds until
// it runs out too). Now that request fails, naming the cycle, and the run
// goes on and writes its exports.
func TestSelfMultiplyingVariableFailsItsRequest(t *testing.T) {
	t.Parallel()
	srv := okServer(t)
	dir := t.TempDir()
	coll := writeFile(t, dir, "c.json", fmt.Sprintf(`{"info":{"name":"c"},"item":[
		{"name":"grows","request":"%s/{{a}}"},
		{"name":"fine","request":"%s/x","event":[{"listen":"test","script":{"exec":["pm.environment.set('after', 'ran')"]}}]}]}`, srv.URL, srv.URL))
	env := filepath.Join(dir, "out", "env.json")
	res := colrun(t, nil, "run", coll, "--env-var", "a={{a}}{{a}}{{a}}{{a}}", "--export-environment", env, "--color", "off")
	if res.code != exitFailed {
		t.Errorf("exit %d, want 1; stderr:\n%s", res.code, res.stderr)
	}
	if want := "variable {{a}} refers to itself: a -> a"; !strings.Contains(res.stdout, want) {
		t.Errorf("stdout lacks %q:\n%s", want, res.stdout)
	}
	data, err := os.ReadFile(env)
	if err != nil || !strings.Contains(string(data), `"after"`) {
		t.Errorf("exported environment = %s, %v; want it written, with the variable the next request set", data, err)
	}
}

// A server that never answers the Tableau sign-in no longer holds the run
// (or `colrun tableau signin`) for ever: --timeout-request bounds the
// run's sign-in and --timeout the subcommand's, the error says which, and
// the run's exports are written.
func TestTableauSigninToAHangingServer(t *testing.T) {
	t.Parallel()
	srv := hangingServer(t)
	dir := t.TempDir()
	coll := writeFile(t, dir, "c.json", `{"info":{"name":"c"},"item":[{"name":"r","request":"http://127.0.0.1:1/x"}]}`)
	env := map[string]string{"TABLEAU_SERVER": srv.URL, "TABLEAU_PAT_NAME": "pat", "TABLEAU_PAT_SECRET": "pat-secret"}
	export := filepath.Join(dir, "env.json")
	tests := []struct {
		name     string
		args     []string
		wantCode int
		wantErr  string
	}{
		{"colrun run", []string{"run", coll, "--tableau-auth", "pat", "--timeout-request", "200", "--export-environment", export}, exitFailed,
			"colrun: run stopped: no answer within --timeout-request 200ms: Tableau sign-in with a personal access token to the Default site failed"},
		{"colrun tableau signin", []string{"tableau", "signin", "--method", "pat", "--timeout", "200ms"}, exitFailed,
			"colrun tableau signin: no answer within --timeout 200ms: Tableau sign-in with a personal access token to the Default site failed"},
		{"negative --timeout", []string{"tableau", "signin", "--method", "pat", "--timeout", "-1s"}, exitUsage, "colrun tableau signin: --timeout -1s is negative"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			res := colrun(t, env, tc.args...)
			if res.code != tc.wantCode {
				t.Errorf("exit %d, want %d; stderr:\n%s", res.code, tc.wantCode, res.stderr)
			}
			if !strings.Contains(res.stderr, tc.wantErr) {
				t.Errorf("stderr lacks %q:\n%s", tc.wantErr, res.stderr)
			}
			if _, err := os.Stat(export); tc.args[0] == "run" && err != nil {
				t.Errorf("the run's --export-environment was not written: %v", err)
			}
		})
	}
}

// A malformed --addr is a bad flag (exit 2, naming the flag), not a
// failure to listen (exit 3).
func TestMockRefusesAMalformedAddr(t *testing.T) {
	t.Parallel()
	tests := []struct{ addr, want string }{
		{"8080", `colrun mock: --addr "8080": missing port in address, want host:port such as 127.0.0.1:8080`},
		{"127.0.0.1:99999", `colrun mock: --addr "127.0.0.1:99999": port "99999" is neither a number from 0 to 65535 nor a service name`},
		{"localhost:80:80", `colrun mock: --addr "localhost:80:80": too many colons in address`},
	}
	for _, tc := range tests {
		t.Run(tc.addr, func(t *testing.T) {
			t.Parallel()
			res := colrun(t, nil, "mock", "--addr", tc.addr)
			if res.code != exitUsage || !strings.HasPrefix(res.stderr, tc.want) || strings.Count(res.stderr, "\n") != 1 {
				t.Errorf("exit %d, stderr %q; want exit 2 and one line starting %q", res.code, res.stderr, tc.want)
			}
		})
	}
}

// A misspelt long flag gets the hint Newman 6.2.2 (commander) prints:
// "error: unknown option '--enviroment'\n(Did you mean --environment?)",
// on one line here; a flag nothing like any other gets none. A long flag
// with one dash gets a hint too, where pflag (and Newman) would read it as
// a shorthand and its value.
func TestMisspeltFlagsGetAHint(t *testing.T) {
	t.Parallel()
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"run", "c.json", "--enviroment", "e.json"}, `colrun run: unknown flag: --enviroment; did you mean --environment? (see "colrun run --help")`},
		{[]string{"run", "c.json", "--itration-count", "2"}, `colrun run: unknown flag: --itration-count; did you mean --iteration-count? (see "colrun run --help")`},
		{[]string{"run", "c.json", "--reporter-json-exprot=r.json"}, `colrun run: unknown flag: --reporter-json-exprot; did you mean --reporter-json-export? (see "colrun run --help")`},
		{[]string{"run", "c.json", "--frobnicate"}, `colrun run: unknown flag: --frobnicate (see "colrun run --help")`},
		// Newman: "error: could not load environment / ENOENT: ... open 'nvironment'".
		{[]string{"run", "c.json", "-environment", "e.json"}, `colrun run: -environment: a long flag takes two dashes; did you mean --environment? (see "colrun run --help")`},
		{[]string{"run", "-insecure", "c.json"}, `colrun run: -insecure: a long flag takes two dashes; did you mean --insecure? (see "colrun run --help")`},
		{[]string{"run", "c.json", "-reporters=json"}, `colrun run: -reporters=json: a long flag takes two dashes; did you mean --reporters=json? (see "colrun run --help")`},
		{[]string{"mock", "--adr", ":0"}, `colrun mock: unknown flag: --adr; did you mean --addr? (see colrun mock --help)`},
		{[]string{"tableau", "signin", "--metod", "pat"}, `colrun tableau signin: unknown flag: --metod; did you mean --method?`},
	}
	for _, tc := range tests {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			t.Parallel()
			res := colrun(t, nil, tc.args...)
			if res.code != exitUsage || res.stderr != tc.want+"\n" {
				t.Errorf("exit %d, stderr %q; want exit 2 and %q", res.code, res.stderr, tc.want)
			}
		})
	}
}
