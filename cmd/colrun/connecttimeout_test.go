//go:build linux

package main

import (
	"encoding/json"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// unacceptingListener returns the address of a loopback listener that
// never completes a TCP handshake: its accept queue (backlog 0) is full
// of connections nobody accepts, so Linux drops every further SYN and a
// connect hangs until the client gives up. It skips the test when a
// fresh connect does not hang.
func unacceptingListener(t *testing.T) string {
	t.Helper()
	fd, err := syscall.Socket(syscall.AF_INET, syscall.SOCK_STREAM, 0)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { syscall.Close(fd) })
	if err := syscall.Bind(fd, &syscall.SockaddrInet4{Addr: [4]byte{127, 0, 0, 1}}); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Listen(fd, 0); err != nil {
		t.Fatal(err)
	}
	sa, err := syscall.Getsockname(fd)
	if err != nil {
		t.Fatal(err)
	}
	addr := fmt.Sprintf("127.0.0.1:%d", sa.(*syscall.SockaddrInet4).Port)
	for range 8 {
		c, err := net.DialTimeout("tcp", addr, 200*time.Millisecond)
		if err != nil {
			// The queue is full: this connect hung.
			return addr
		}
		t.Cleanup(func() { c.Close() })
	}
	t.Skip("connects to a listener with a full accept queue do not hang on this kernel")
	return ""
}

// silentListener accepts connections and never answers on them.
func silentListener(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	go func() {
		var held []net.Conn
		defer func() {
			for _, c := range held {
				c.Close()
			}
		}()
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			held = append(held, c)
		}
	}()
	return ln.Addr().String()
}

// TestTimeoutRequestBeforeConnect checks how --timeout-request reports a
// server that never accepts the connection, against one that accepts and
// never answers, in every report and in scripts, as Newman 6.2.2 reports
// them (postman-request: ETIMEDOUT with connect true before the socket
// connects, ESOCKETTIMEDOUT with connect false after; a TCP connection
// whose TLS handshake stalls counts as connected). colrun reported both
// as ESOCKETTIMEDOUT.
func TestTimeoutRequestBeforeConnect(t *testing.T) {
	t.Parallel()
	unaccepting, silent := unacceptingListener(t), silentListener(t)
	type nodeError struct {
		Code    string `json:"code"`
		Connect *bool  `json:"connect"`
		Name    string `json:"name"`
		Message string `json:"message"`
		Stack   string `json:"stack"`
	}
	// Newman's code and connect for each; its reports spell them the
	// same way for both: the code is the message ("ETIMEDOUT" in the cli
	// failure row), the stack's head is "Error: " and the code, the
	// execution's requestError is {code, connect}, and a pm.sendRequest
	// callback's err is that object.
	tests := []struct {
		name, url, code string
		connect         bool
	}{
		{"never accepted", "http://" + unaccepting + "/x", "ETIMEDOUT", true},
		{"accepted, never answered", "http://" + silent + "/x", "ESOCKETTIMEDOUT", false},
		{"TLS handshake never answered", "https://" + silent + "/x", "ESOCKETTIMEDOUT", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			// The test script names its tests after what it sees: a
			// request without a response, and the callback's err.
			coll := writeFile(t, dir, "c.json", fmt.Sprintf(`{"info":{"name":"to"},"item":[{"name":"r","request":%q,
				"event":[{"listen":"test","script":{"exec":[
				"pm.test('code ' + pm.response.code, function () {});",
				"pm.sendRequest('%s', function (err, res) { pm.test('err ' + JSON.stringify(err) + ' ' + typeof res, function () {}); });"]}}]}]}`, tc.url, tc.url))
			jsonPath, junitPath := filepath.Join(dir, "r.json"), filepath.Join(dir, "r.xml")
			res := colrun(t, nil, "run", coll, "--timeout-request", "200", "--color", "off", "-r", "cli,json,junit",
				"--reporter-json-export", jsonPath, "--reporter-junit-export", junitPath)
			if res.code != exitFailed {
				t.Errorf("exit %d, want %d", res.code, exitFailed)
			}
			wantCli := []string{
				"  GET " + tc.url + " [errored]\n     " + tc.code + "\n",
				"  ✓  code undefined\n",
				fmt.Sprintf("  ✓  err {\"code\":%q,\"connect\":%t} object\n", tc.code, tc.connect),
				" 1.  Error\n              " + tc.code + "\n              at request\n",
			}
			for _, want := range wantCli {
				if !strings.Contains(res.stdout, want) {
					t.Errorf("cli output lacks Newman's %q:\n%s", want, res.stdout)
				}
			}

			var report struct {
				Run struct {
					Failures []struct {
						Error nodeError `json:"error"`
						At    string    `json:"at"`
					} `json:"failures"`
					Executions []struct {
						RequestError map[string]any `json:"requestError"`
					} `json:"executions"`
				} `json:"run"`
			}
			data, err := os.ReadFile(jsonPath)
			if err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(data, &report); err != nil {
				t.Fatal(err)
			}
			var failures []nodeError
			for _, f := range report.Run.Failures {
				if f.At == "request" {
					failures = append(failures, f.Error)
				}
			}
			wantFailure := nodeError{Code: tc.code, Connect: &tc.connect, Name: "Error", Message: tc.code, Stack: "Error: " + tc.code}
			if d := cmp.Diff([]nodeError{wantFailure, wantFailure}, failures); d != "" {
				t.Errorf("json run.failures' request errors (-Newman +colrun):\n%s", d)
			}
			var execs []map[string]any
			for _, e := range report.Run.Executions {
				execs = append(execs, e.RequestError)
			}
			wantExecution := map[string]any{"code": tc.code, "connect": tc.connect}
			if d := cmp.Diff([]map[string]any{wantExecution, wantExecution}, execs); d != "" {
				t.Errorf("json run.executions' requestError (-Newman +colrun):\n%s", d)
			}

			junit, err := os.ReadFile(junitPath)
			if err != nil {
				t.Fatal(err)
			}
			if want := "RequestError: Error: " + tc.code + "\n"; !strings.Contains(string(junit), want) {
				t.Errorf("junit lacks Newman's %q:\n%s", want, junit)
			}
		})
	}
}
