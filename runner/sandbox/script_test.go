package sandbox

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/colrun/colrun/runner/event"
)

func TestCompileSyntaxErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, src string
		want      event.ScriptError
	}{
		{"bad token", "var = 1", event.ScriptError{Name: "SyntaxError", Message: "Unexpected token '='", Line: 1, Column: 5}},
		{"second line", "var a = 1;\nvar = 2", event.ScriptError{Name: "SyntaxError", Message: "Unexpected token '='", Line: 2, Column: 5}},
		{"identifier", "a b", event.ScriptError{Name: "SyntaxError", Message: "Unexpected identifier 'b'", Line: 1, Column: 3}},
		// Newman ends a script with ";" before closing its wrapper: what
		// is left open fails there, in V8's words for what it is.
		{"unclosed call", "pm.test('x', function () {\n  foo(", event.ScriptError{Name: "SyntaxError", Message: "Unexpected token ';'", Line: 2, Column: 7}},
		{"unclosed block", "if (true) {", event.ScriptError{Name: "SyntaxError", Message: "Unexpected token ')'", Line: 1, Column: 12}},
		{"unclosed arguments", "foo(1, 2", event.ScriptError{Name: "SyntaxError", Message: "missing ) after argument list", Line: 1, Column: 9}},
		{"unclosed array", "var a = [1, 2", event.ScriptError{Name: "SyntaxError", Message: "Unexpected token ';'", Line: 1, Column: 14}},
		{"unclosed callback", "foo(a, function() {", event.ScriptError{Name: "SyntaxError", Message: "Unexpected end of input", Line: 1, Column: 20}},
		{"unclosed template", "var s = `abc", event.ScriptError{Name: "SyntaxError", Message: "Unexpected end of input", Line: 1, Column: 13}},
		{"unclosed template expression", "var s = `a ${b", event.ScriptError{Name: "SyntaxError", Message: "Missing } in template expression", Line: 1, Column: 15}},
		{"template opened in a template expression", "var s = `id: ${a`;", event.ScriptError{Name: "SyntaxError", Message: "Unexpected end of input", Line: 1, Column: 19}},
		{"unclosed comment", "/* abc", event.ScriptError{Name: "SyntaxError", Message: "Invalid or unexpected token", Line: 1, Column: 7}},
		{"quote in a test name", "pm.test('it's broken', () => {});", event.ScriptError{Name: "SyntaxError", Message: "missing ) after argument list", Line: 1, Column: 13}},
		{"missing comma between arguments", "foo(1 2)", event.ScriptError{Name: "SyntaxError", Message: "missing ) after argument list", Line: 1, Column: 7}},
		{"argument run into the next call", "pm.expect(x).to.equal(1 pm.test('a', () => {})", event.ScriptError{Name: "SyntaxError", Message: "missing ) after argument list", Line: 1, Column: 25}},
		{"conditional without its colon", "foo(a ? b c)", event.ScriptError{Name: "SyntaxError", Message: "Unexpected identifier 'c'", Line: 1, Column: 11}},
		{"await in a plain function", "function f() { await 1; }", event.ScriptError{Name: "SyntaxError", Message: "await is only valid in async functions and the top level bodies of modules", Line: 1, Column: 22}},
		{"prefix increment of a literal", "++1;", event.ScriptError{Name: "SyntaxError", Message: "Invalid left-hand side expression in prefix operation", Line: 1, Column: 1}},
		{"closing brace too many", "pm.test('x', () => {}); }", event.ScriptError{Name: "SyntaxError", Message: "Unexpected token ';'", Line: 1, Column: 26}},
		{"unclosed string", "var s = 'abc", event.ScriptError{Name: "SyntaxError", Message: "Invalid or unexpected token", Line: 1, Column: 9}},
		{"stray brace", "}", event.ScriptError{Name: "SyntaxError", Message: "Unexpected token ';'", Line: 1, Column: 2}},
		{"escape the wrapper", "}); globalThis.escaped = 1; (function(){", event.ScriptError{Name: "SyntaxError", Message: "Unexpected token '}'", Line: 1, Column: 1}},
		{"duplicate let", "let x = 1;\nlet x = 2;", event.ScriptError{Name: "SyntaxError", Message: "Identifier 'x' has already been declared", Line: 2, Column: 5}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := Compile("script", tt.src)
			var se *event.ScriptError
			if !errors.As(err, &se) {
				t.Fatalf("Compile(%q) = %v, want a *event.ScriptError", tt.src, err)
			}
			diff(t, "syntax error", tt.want, *se)
		})
	}
}

func TestModernSyntax(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, src string }{
		{"class fields and arrow fields", `
class A {
    x = 1;
    static s = 2;
    #p = 3;
    f = () => this.x + this.#p;
    static { A.t = 4; }
}
pm.test("class", () => pm.expect(new A().f() + A.s + A.t).to.equal(10));`},
		{"async await", `
async function twice(v) { await null; return v * 2; }
pm.test("async", async () => { pm.expect(await twice(21)).to.equal(42); });`},
		{"optional chaining and nullish", `
const o = { a: { b: 1 } };
pm.test("optional", () => pm.expect((o?.a?.b ?? 0) + (o.c?.d ?? 5)).to.equal(6));`},
		{"destructuring spread template", "const { a, ...rest } = { a: 1, b: 2, c: 3 };\nconst [x, , y = 9] = [1, 2];\npm.test(`t${a}`, () => pm.expect([...Object.keys(rest), x, y]).to.eql(['b', 'c', 1, 9]));"},
		{"top-level return", `pm.test("before", () => {}); return; pm.test("after", () => {});`},
		// Complete under Newman's ";" at the end.
		{"if at the very end", "pm.test(\"x\", () => {});\nif (true)"},
		{"top-level await", `const v = await new Promise(r => setTimeout(() => r(7), 1)); pm.test("awaited " + v, () => {});`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			res := run(t, newExec("test"), tt.src)
			mustPass(t, res)
			if len(res.Assertions) != 1 {
				t.Errorf("assertions = %+v, want exactly one", outcomes(res))
			}
		})
	}
}

// One source compiles once to be kept, whatever the scripts are called
// (collections paste one test on many requests), and each script's
// errors still name it. (Its first compilation, before it ran again, is
// not kept.)
func TestCompileCachesBySource(t *testing.T) {
	t.Parallel()
	src := "pm.test('x', () => {}); undefinedFunction(); // " + t.Name()
	a, err := Compile("request A test", src)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := Compile("request A test", src)
	c, _ := Compile("request B test", src)
	if b.compiled != c.compiled {
		t.Error("one source compiled again once kept")
	}
	sb := New(Options{})
	for _, s := range []*Script{a, c} {
		res := sb.Run(context.Background(), s, newExec("test"))
		if res.Error == nil || !strings.Contains(res.Error.Stack, s.Name+":1:") || strings.Contains(res.Error.Stack, "colrun-script") {
			t.Errorf("%s: error %+v; want its stack to name the script", s.Name, res.Error)
		}
		if res.Error != nil && (res.Error.Line != 1 || res.Error.Column < 25 || res.Error.Column > 43) {
			t.Errorf("%s: error at %d:%d, want line 1 at the call", s.Name, res.Error.Line, res.Error.Column)
		}
	}
}

// An error thrown in a helper that the collection's script defined names
// both scripts in the reported stack, as they were called before sources
// were shared.
func TestStackNamesEveryScript(t *testing.T) {
	t.Parallel()
	sb := New(Options{})
	helper, err := Compile("collection c prerequest", "utils = { check: function () { throw new Error('boom'); } }; // "+t.Name())
	if err != nil {
		t.Fatal(err)
	}
	caller, err := Compile("request r test", "utils.check(); // "+t.Name())
	if err != nil {
		t.Fatal(err)
	}
	if res := sb.Run(context.Background(), helper, newExec("prerequest")); res.Error != nil {
		t.Fatal(res.Error)
	}
	res := sb.Run(context.Background(), caller, newExec("test"))
	if res.Error == nil {
		t.Fatal("no error")
	}
	for _, want := range []string{"collection c prerequest:1:", "request r test:1:"} {
		if !strings.Contains(res.Error.Stack, want) {
			t.Errorf("stack %q lacks %q", res.Error.Stack, want)
		}
	}
	if strings.Contains(res.Error.Stack, programFilePrefix) {
		t.Errorf("stack %q names a program file", res.Error.Stack)
	}
}

// A runner compiles the next requests' scripts on another goroutine while
// the worker may ask for the same one: all get the one compilation.
func TestCompileConcurrentCallersShareOneCompilation(t *testing.T) {
	t.Parallel()
	var cache compileCache
	src := "pm.test('shared', () => {})"
	const callers = 8
	var wg sync.WaitGroup
	entries := make(chan *cacheEntry, callers)
	for range callers {
		wg.Go(func() { entries <- cache.entry(src, false, false) })
	}
	wg.Wait()
	close(entries)
	first := <-entries
	for e := range entries {
		if e != first {
			t.Fatal("concurrent compilations of one script were not shared")
		}
	}
	s, err := cache.compile("shared", src, false)
	if err != nil {
		t.Fatal(err)
	}
	if s.compiled != first.c {
		t.Fatal("the script compiled ahead was compiled again to run")
	}
}

// A compilation is kept once its script runs a second time: a script
// that runs once leaves nothing behind, one that runs again is compiled
// once more and from then on found.
func TestCompileCacheKeepsScriptsThatRunAgain(t *testing.T) {
	t.Parallel()
	var cache compileCache
	got := compileRuns(t, &cache, "pm.test('twice', () => {})", 3, false)
	if got[0] == got[1] || got[0].keep {
		t.Errorf("the first run's compilation was kept (keep %v)", got[0].keep)
	}
	if got[1] != got[2] || !got[1].keep {
		t.Errorf("the second run's compilation was not kept (keep %v)", got[1].keep)
	}
	if n := len(cache.cur) + len(cache.prev); n != 1 {
		t.Errorf("the cache holds %d scripts, want 1", n)
	}
}

// A run of several iterations has its scripts' first compilations kept,
// ahead (Precompile) or as they run (CompileKept), so that a loop does
// not compile each one again.
func TestCompileCacheKeepsScriptsOfLoops(t *testing.T) {
	t.Parallel()
	for _, ahead := range []bool{true, false} {
		var cache compileCache
		src := "pm.test('looped', () => {})"
		if ahead {
			cache.entry(src, false, true)
		}
		if got := compileRuns(t, &cache, src, 2, !ahead); got[0] != got[1] || !got[0].keep {
			t.Errorf("ahead %v: a script compiled to keep was compiled again (keep %v)", ahead, got[0].keep)
		}
	}
}

// compileRuns compiles src to run it n times, as a Sandbox's caller does,
// and returns the compilations it got.
func compileRuns(t *testing.T, cache *compileCache, src string, n int, keep bool) []*compiled {
	t.Helper()
	var got []*compiled
	for range n {
		s, err := cache.compile(t.Name(), src, keep)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, s.compiled)
	}
	return got
}

// The cache is bounded, but a script in use survives a run that cycles
// through more scripts than it holds, and syntax errors are cached too.
func TestCompileCacheKeepsRecentlyUsedScripts(t *testing.T) {
	t.Parallel()
	var cache compileCache
	const hotSrc = "pm.test('hot', () => {})"
	if _, err := cache.compile("hot", hotSrc, false); err != nil {
		t.Fatal(err)
	}
	hot, err := cache.compile("hot", hotSrc, false)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 3 * CompileCacheSize {
		src := fmt.Sprintf("var n = %d;", i)
		for range 2 {
			if _, err := cache.compile(fmt.Sprintf("cold %d", i), src, false); err != nil {
				t.Fatal(err)
			}
		}
		if i%(CompileCacheSize-1) == 0 {
			if again, _ := cache.compile("hot", hotSrc, false); again.compiled != hot.compiled {
				t.Fatalf("after %d other scripts the one in use was compiled again", i)
			}
		}
	}
	if n := len(cache.cur) + len(cache.prev); n > maxCachedScripts {
		t.Errorf("the cache holds %d scripts, more than %d", n, maxCachedScripts)
	}
	_, err1 := cache.compile("broken", "pm.test(", false)
	_, err2 := cache.compile("broken", "pm.test(", false)
	if err1 == nil || err2 == nil || err1.Error() != err2.Error() {
		t.Errorf("syntax errors: %v, then %v", err1, err2)
	}
}

// Scripts are function bodies: their vars stay local, while an undeclared
// assignment creates a global that later scripts see, as in Postman.
func TestScriptScopeBetweenScripts(t *testing.T) {
	t.Parallel()
	sb := New(Options{})
	mustPass(t, runWith(t, sb, newExec("test"), `var declared = 1; implicitGlobal = 2;`))
	res := runWith(t, sb, newExec("test"), `pm.test(typeof declared + " " + typeof implicitGlobal, () => {});`)
	diff(t, "assertions", []outcome{{Name: "undefined number"}}, outcomes(res))
}

func TestEmptyScript(t *testing.T) {
	t.Parallel()
	res := run(t, newExec("test"), "  \n\t")
	diff(t, "result", Result{}, res)
}

func FuzzCompile(f *testing.F) {
	for _, s := range []string{
		"pm.test('a', () => {})", "var = 1", "}", "}); x(); (function(){", "'abc", "a\nb c", "class A { x = 1 }",
		"await 1", "return", "/*", "`${", "\u2028", "x => {", "((((", "let x; let x;",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		done := make(chan struct{})
		var s *compiled
		var err error
		go func() {
			defer close(done)
			s, err = compile(src)
		}()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			t.Fatalf("compile(%q) did not finish", src)
		}
		if err != nil {
			var se *event.ScriptError
			if !errors.As(err, &se) {
				t.Fatalf("error %T %v is not a *event.ScriptError", err, err)
			}
			if se.Name != "SyntaxError" || se.Message == "" {
				t.Fatalf("bad syntax error %+v", se)
			}
			lines, _ := lineCol(src, len(src))
			if se.Line < 0 || se.Line > lines+1 {
				t.Fatalf("error line %d outside a %d-line script", se.Line, lines)
			}
			return
		}
		if !s.empty && s.program == nil {
			t.Fatal("no program and no error")
		}
		if !utf8.ValidString(src) {
			return
		}
	})
}
