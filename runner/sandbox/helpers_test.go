package sandbox

import (
	"context"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/colrun/colrun/collections"
	"github.com/colrun/colrun/runner/event"
	"github.com/colrun/colrun/runner/variables"
)

// jsonResponse is the response test scripts get unless a test says
// otherwise.
func jsonResponse() *event.Response {
	body := `{"status":"ok","count":2,"items":[{"id":1,"name":"a"},{"id":2,"name":"b"}],"nested":{"deep":{"value":true}}}`
	return &event.Response{
		Code:   200,
		Status: "200 OK",
		Headers: []event.Header{
			{Key: "Content-Type", Value: "application/json; charset=utf-8"},
			{Key: "X-Multi", Value: "one"},
			{Key: "X-Multi", Value: "two"},
			{Key: "Content-Length", Value: "108"},
		},
		Body:     []byte(body),
		BodySize: int64(len(body)),
		Time:     42 * time.Millisecond,
	}
}

func testRequest() *collections.Request {
	return &collections.Request{
		Method: "GET",
		URL:    collections.ParseURL("https://api.example.test:8443/v1/items/:id?page=2&size=10&flag&off=1#frag"),
		Headers: []collections.Header{
			{Key: "Accept", Value: "application/json"},
			{Key: "X-Disabled", Value: "no", Disabled: true},
		},
	}
}

// newExec returns an execution with fresh scopes, the test request and,
// for test scripts, the JSON response.
func newExec(listen string) *Execution {
	e := &Execution{
		Listen:  listen,
		Scopes:  variables.NewScopes(variables.NewGenerator(1, true)),
		Request: testRequest(),
		Info:    Info{Iteration: 1, IterationCount: 3, RequestName: "Get items", RequestID: "req-1", Location: []string{"Coll", "Folder", "Get items"}, Current: "Get items"},
	}
	if listen == "test" {
		e.Response = jsonResponse()
	}
	return e
}

// run compiles and runs src on a fresh sandbox.
func run(t *testing.T, exec *Execution, src string) Result {
	t.Helper()
	return runWith(t, New(Options{Timeout: 10 * time.Second}), exec, src)
}

func runWith(t *testing.T, sb *Sandbox, exec *Execution, src string) Result {
	t.Helper()
	script, err := Compile(t.Name(), src)
	if err != nil {
		t.Fatalf("Compile: %v", err)
	}
	return sb.Run(context.Background(), script, exec)
}

// outcome is an assertion reduced to what tests compare.
type outcome struct {
	Name    string
	Skipped bool
	Err     string // "Name: message", "" when passed
}

func outcomes(res Result) []outcome {
	var out []outcome
	for _, a := range res.Assertions {
		o := outcome{Name: a.Name, Skipped: a.Skipped}
		if a.Error != nil {
			o.Err = a.Error.Name + ": " + a.Error.Message
		}
		out = append(out, o)
	}
	return out
}

// logs returns the console messages of a result, one string per call,
// arguments joined with " | ". Logged strings come back as written:
// tests use console.log to report values, and Result.Console holds them
// quoted as Newman's CLI shows them (TestConsole and TestInspect check
// that form).
func logs(res Result) []string {
	return logsAt(res, "")
}

// logsAt returns the messages logged at one level ("" for all), as logs
// does.
func logsAt(res Result, level string) []string {
	var out []string
	for _, c := range res.Console {
		if level != "" && c.Level != level {
			continue
		}
		msgs := make([]string, len(c.Messages))
		for i, m := range c.Messages {
			msgs[i] = unquoteInspected(m)
		}
		out = append(out, strings.Join(msgs, " | "))
	}
	return out
}

// unquoteInspected undoes quoteJS for a logged string, also one split
// into quoted lines joined by " +" (long multi-line text); other values
// are returned as shown.
func unquoteInspected(m string) string {
	if seps := splitPieceRE.FindAllStringIndex(m, -1); len(seps) > 0 {
		var b strings.Builder
		start := 0
		for _, sep := range append(seps, []int{len(m) - 1, len(m) + 1}) {
			p := m[start : sep[0]+1]
			u := unquoteOne(p)
			if u == p {
				return m
			}
			b.WriteString(u)
			start = sep[1] - 1
		}
		return b.String()
	}
	return unquoteOne(m)
}

// splitPieceRE is the seam between the quoted lines of a string
// util.inspect split: a closing quote, " +", a line break, the indent and
// the next opening quote.
var splitPieceRE = regexp.MustCompile("['\"`] \\+\n +['\"`]")

func unquoteOne(m string) string {
	if len(m) < 2 || !strings.ContainsRune("'\"`", rune(m[0])) || m[len(m)-1] != m[0] {
		return m
	}
	body := m[1 : len(m)-1]
	if m[0] == '\'' {
		// strconv.Unquote reads a double-quoted Go literal, whose escapes
		// (\n, \t, \\, \xNN, \uNNNN) are the ones quoteJS writes.
		body = strings.ReplaceAll(strings.ReplaceAll(body, `"`, `\"`), `\'`, `'`)
	}
	if m[0] == '`' {
		body = strings.ReplaceAll(strings.ReplaceAll(body, `"`, `\"`), "\\`", "`")
	}
	if s, err := strconv.Unquote(`"` + body + `"`); err == nil {
		return s
	}
	return m
}

// mustPass fails the test when the script errored or an assertion failed,
// and returns the log lines.
func mustPass(t *testing.T, res Result) []string {
	t.Helper()
	if res.Error != nil {
		t.Fatalf("script error: %v\nlogs: %q", res.Error, logs(res))
	}
	for _, a := range res.Assertions {
		if a.Error != nil {
			t.Errorf("assertion %q failed: %s: %s", a.Name, a.Error.Name, a.Error.Message)
		}
	}
	return logs(res)
}

func diff(t *testing.T, what string, want, got any) {
	t.Helper()
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("%s mismatch (-want +got):\n%s", what, d)
	}
}
