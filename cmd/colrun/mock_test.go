package main

import (
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/colrun/colrun/mockserver"
)

// lockedBuffer lets the mock command write while the test reads.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// mockCLI runs colrun mock in-process until it exits.
func mockCLI(ctx context.Context, args ...string) (code int, stdout, stderr *lockedBuffer) {
	stdout, stderr = &lockedBuffer{}, &lockedBuffer{}
	code = dispatch(ctx, append([]string{"mock"}, args...), stdio{
		in: strings.NewReader(""), out: stdout, err: stderr,
		getenv: func(string) string { return "" },
	})
	return code, stdout, stderr
}

func TestMockUsageErrors(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.json")
	if err := os.WriteFile(bad, []byte(`{"sites":[{"id":"x","name":"n","contentUrl":""}]}`), 0o600); err != nil {
		t.Fatal(err)
	}
	badType := filepath.Join(dir, "badtype.json")
	if err := os.WriteFile(badType, []byte(`{"sites":[{"id":"x","name":"n"},{"id":"y","name":"m"},{"id":"z","name":5}]}`), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"unknown flag", []string{"--nope"}, "colrun mock: unknown flag: --nope (see colrun mock --help)\n"},
		{"argument", []string{"extra"}, "colrun mock: unexpected argument \"extra\" (see colrun mock --help)\n"},
		{"bad duration", []string{"--latency", "soon"}, "colrun mock: invalid argument \"soon\" for \"--latency\" flag: must be a duration like \"30s\" or \"5m\" (see colrun mock --help)\n"},
		{"bad version", []string{"--api-version", "v3"}, "colrun mock: --api-version \"v3\": want a version N.N from 1.0 up, such as 3.24 (the default) (see colrun mock --help)\n"},
		// The mock answered 404001 under these, its own URLs included.
		{"version past int", []string{"--api-version", "99999999999999999999.1"}, "colrun mock: --api-version \"99999999999999999999.1\": want a version N.N from 1.0 up, such as 3.24 (the default) (see colrun mock --help)\n"},
		{"version 0", []string{"--api-version", "0.5"}, "colrun mock: --api-version \"0.5\": want a version N.N from 1.0 up, such as 3.24 (the default) (see colrun mock --help)\n"},
		{"empty version", []string{"--api-version", ""}, "colrun mock: --api-version \"\": want a version N.N from 1.0 up, such as 3.24 (the default) (see colrun mock --help)\n"},
		// 0 is not "no limit": it was quietly taken as the default.
		{"zero ttl", []string{"--session-ttl", "0"}, "colrun mock: --session-ttl 0s: want a time above 0, such as 240m (the default) or 24h for sessions that last all day (see colrun mock --help)\n"},
		{"negative ttl", []string{"--session-ttl=-1s"}, "colrun mock: --session-ttl -1s: want a time above 0, such as 240m (the default) or 24h for sessions that last all day (see colrun mock --help)\n"},
		{"negative latency", []string{"--latency=-5ms"}, "colrun mock: --latency -5ms: want 0 (no delay, the default) or more, such as 200ms (see colrun mock --help)\n"},
		{"zero body limit", []string{"--max-body", "0"}, "colrun mock: --max-body 0: want a number of bytes above 0, such as 4194304 (the default, 4 MiB) (see colrun mock --help)\n"},
		{"negative body limit", []string{"--max-body=-1"}, "colrun mock: --max-body -1: want a number of bytes above 0, such as 4194304 (the default, 4 MiB) (see colrun mock --help)\n"},
		{"missing data", []string{"--data", filepath.Join(dir, "none.json")}, "colrun mock: mock data: open " + filepath.Join(dir, "none.json") + ": no such file or directory\n"},
		{"mistyped data", []string{"--data", badType}, "colrun mock: " + badType + ": sites[2].name: want a string, got 5\n"},
		{"invalid data", []string{"--data", bad}, "colrun mock: " + bad + ": sites[0].id: \"x\" is not a UUID (Tableau ids look like dad65087-b08b-4603-af4e-2887b8aafc67)\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			// A value taken instead of refused starts the server: the
			// deadline stops it, and the exit and output fail the test.
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			code, stdout, stderr := mockCLI(ctx, append([]string{"--addr", "127.0.0.1:0", "-q"}, tt.args...)...)
			if code != exitUsage || stderr.String() != tt.want || stdout.String() != "" {
				t.Errorf("exit %d, stderr %q, stdout %q; want exit 2 and %q", code, stderr, stdout, tt.want)
			}
		})
	}
}

func TestMockHelp(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{{"mock", "--help"}, {"mock", "-h"}, {"help", "mock"}} {
		var out, errb bytes.Buffer
		code := dispatch(context.Background(), args, stdio{in: strings.NewReader(""), out: &out, err: &errb, getenv: func(string) string { return "" }})
		if code != exitOK || !strings.Contains(out.String(), "--api-version") || !strings.Contains(out.String(), "--echo") {
			t.Errorf("%v: exit %d, out %q, err %q", args, code, out.String(), errb.String())
		}
	}
}

func TestMockPortInUse(t *testing.T) {
	t.Parallel()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	code, _, stderr := mockCLI(context.Background(), "--addr", ln.Addr().String())
	if code != exitRuntime || !strings.Contains(stderr.String(), "address already in use") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}

var listenRE = regexp.MustCompile(`^colrun mock: listening on (http://\S+)\n`)

// TestMockServesAndStops starts the command, signs in with the printed
// demo credentials and stops it as Ctrl-C would.
func TestMockServesAndStops(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	type outcome struct {
		code           int
		stdout, stderr *lockedBuffer
	}
	done := make(chan outcome, 1)
	stdout, stderr := &lockedBuffer{}, &lockedBuffer{}
	go func() {
		code := dispatch(ctx, []string{"mock", "--addr", "127.0.0.1:0", "--echo", "--api-version", "3.22"}, stdio{
			in: strings.NewReader(""), out: stdout, err: stderr, getenv: func(string) string { return "" },
		})
		done <- outcome{code, stdout, stderr}
	}()
	var base string
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if m := listenRE.FindStringSubmatch(stdout.String()); m != nil && strings.Contains(stdout.String(), "Ctrl-C") {
			base = m[1]
			break
		}
	}
	if base == "" {
		t.Fatalf("no listening line; stdout %q stderr %q", stdout, stderr)
	}
	banner := stdout.String()
	for _, want := range []string{
		mockserver.DemoAdminName, mockserver.DemoAdminPassword, mockserver.DemoAliceName, mockserver.DemoAlicePassword,
		mockserver.DemoPATName, mockserver.DemoPATSecret, mockserver.DemoClientID, mockserver.DemoSecretID, mockserver.DemoSecretValue,
		mockserver.DemoDefaultSiteID, mockserver.DemoSamplesSiteID,
		"api-version=3.22", "baseUrl=" + base + "/api/3.22", "server=" + strings.TrimPrefix(base, "http://"),
	} {
		if !strings.Contains(banner, want) {
			t.Errorf("banner lacks %q:\n%s", want, banner)
		}
	}
	body := `<tsRequest><credentials name="admin" password="admin-password"><site contentUrl=""/></credentials></tsRequest>`
	resp, err := http.Post(base+"/api/3.22/auth/signin", "", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(b), "credentials token=") {
		t.Errorf("sign-in: %d %s", resp.StatusCode, b)
	}
	resp, err = http.Get(base + "/get?a=1")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Errorf("echo: %d", resp.StatusCode)
	}

	cancel()
	select {
	case o := <-done:
		if o.code != exitOK {
			t.Errorf("exit %d; stderr %q", o.code, o.stderr)
		}
		if !strings.Contains(o.stderr.String(), "path=/api/3.22/auth/signin status=200") {
			t.Errorf("request not logged: %q", o.stderr)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("colrun mock did not stop")
	}
	if _, err := http.Get(base + "/get"); err == nil {
		t.Error("still serving after stop")
	}
}

func TestMockQuietWithData(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	stdout, stderr := &lockedBuffer{}, &lockedBuffer{}
	done := make(chan int, 1)
	data := filepath.Join("..", "..", "mockserver", "testdata", "minimal.json")
	go func() {
		done <- dispatch(ctx, []string{"mock", "--addr", "127.0.0.1:0", "--quiet", "--data", data}, stdio{
			in: strings.NewReader(""), out: stdout, err: stderr, getenv: func(string) string { return "" },
		})
	}()
	var base string
	for deadline := time.Now().Add(10 * time.Second); base == "" && time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if m := listenRE.FindStringSubmatch(stdout.String()); m != nil && strings.Contains(stdout.String(), "Ctrl-C") {
			base = m[1]
		}
	}
	if base == "" {
		cancel()
		t.Fatalf("no listening line; stdout %q stderr %q", stdout, stderr)
	}
	if !strings.Contains(stdout.String(), "carol-ci-secret") || strings.Contains(stdout.String(), mockserver.DemoAdminPassword) {
		t.Errorf("banner does not show the fixture's credentials:\n%s", stdout)
	}
	resp, err := http.Get(base + "/api/3.24/serverinfo")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	cancel()
	if code := <-done; code != exitOK {
		t.Errorf("exit %d", code)
	}
	if got := stderr.String(); got != "colrun mock: stopped\n" {
		t.Errorf("--quiet still logged: %q", got)
	}
}
