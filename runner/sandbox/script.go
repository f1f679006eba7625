package sandbox

import (
	"errors"
	"fmt"
	"hash/fnv"
	"hash/maphash"
	"strings"
	"sync"

	"github.com/dop251/goja"
	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/parser"
	"github.com/dop251/goja/unistring"

	"github.com/colrun/colrun/runner/event"
)

// Script is a compiled script. It holds an immutable goja.Program, so one
// Script may run on many Sandboxes, concurrently.
type Script struct {
	// Name is what stack traces call the script's file.
	Name string
	// Source is the user's script, unwrapped.
	Source string

	*compiled
}

// compiled is what compiling a source gives; every Script with that
// source shares it, whatever its name: collections often repeat one test
// script on many requests.
type compiled struct {
	// file is the file name the program carries: one per source, so that
	// the frames of this script can be told from others' in a stack.
	file    string
	program *goja.Program
	// prefixLen is the length of the wrapper put before the source on its
	// first line, to map columns back to the user's script.
	prefixLen int
	// async is true when the script uses top-level await and was wrapped in
	// an async function; Run then waits for the promise it returns.
	async bool
	// empty scripts (only whitespace) are not run at all, as Postman does.
	empty bool
	// callsSugar is callsSugar(source), found once per compilation rather
	// than once per script per sandbox.
	callsSugar bool
	// redeclared are the script's top-level let/const/class declarations of
	// sandbox globals, which fail the script in Newman (redeclare.go).
	redeclared []redeclaration
	// params are the sandbox globals the script's function takes as
	// parameters (writtenParams), in order; Run passes their values.
	params []string
	// keep is set when the compile cache keeps this compilation after it
	// has run (its source ran before, or Precompile was told it will run
	// again); a Sandbox keeps the function of such a script only.
	keep bool
}

// programFile is the file name a source's program carries; stack texts
// name the Script instead (see scriptStack).
func programFile(source string) string {
	h := fnv.New64a()
	h.Write([]byte(source))
	return fmt.Sprintf("%s%016x.js", programFilePrefix, h.Sum64())
}

// programFilePrefix starts every program's file name.
const programFilePrefix = "colrun-script-"

// scriptStack rewrites a stack text so that each frame of a script program
// names the script: names maps program files to the script that ran last
// with that source on this runtime (a helper defined by the collection's
// script is named after it), and script's own frames are named after
// script. Inside scripts, e.stack keeps the program names, as Newman's
// stacks name no script either.
func scriptStack(stack string, script *Script, names map[string]string) string {
	if !strings.Contains(stack, programFilePrefix) {
		return stack
	}
	var b strings.Builder
	for {
		i := strings.Index(stack, programFilePrefix)
		if i < 0 {
			b.WriteString(stack)
			return b.String()
		}
		end := i + len(programFilePrefix) + 16 + len(".js")
		if end > len(stack) {
			b.WriteString(stack)
			return b.String()
		}
		file := stack[i:end]
		b.WriteString(stack[:i])
		switch name, ok := names[file]; {
		case file == script.file:
			b.WriteString(script.Name)
		case ok:
			b.WriteString(name)
		default:
			b.WriteString(file)
		}
		stack = stack[end:]
	}
}

const (
	syncPrefix  = "(function(){"
	asyncPrefix = "(async function(){"
	// suffix is Newman's: its sandbox ends a script with ";" before it
	// closes the function, so that `if (ok)` at the very end is a whole
	// statement and an unclosed block or bracket fails at that ";" or at
	// the ")" after it, which V8 then names.
	suffix = "\n;})"
)

// scriptCache keeps compiled scripts by source: a collection-level script
// runs for every request, a request-level one once per iteration, and the
// same test is often pasted on many requests; parsing each source once per
// run (or once per process across runs) is the point of compiling ahead.
// It keeps a compilation only once its source runs a second time: most
// scripts of a one-iteration run run once, and keeping their programs
// (a few kB each, pointer-dense) made every collection mark them again.
// A script that runs again is compiled once more and kept from then on,
// unless Precompile was told it would run again.
// It has two generations: when the current one is full it becomes the
// previous one, and a script found there moves back, so a run that cycles
// through more scripts than fit loses only the ones it has not used
// lately, never the one a compile-ahead goroutine has just made.
var scriptCache compileCache

type compileCache struct {
	sync.Mutex
	cur, prev map[string]*cacheEntry
	// ran holds the hashes of the sources that ran once from a
	// compilation that was not kept; a collision only keeps a script
	// from its first run.
	ran map[uint64]struct{}
}

// cacheEntry is one compilation, shared by everyone who asks for the same
// source while it is being compiled: done is closed when c and err are set.
type cacheEntry struct {
	done chan struct{}
	c    *compiled
	err  error
	// keep says whether the entry stays cached once it has run.
	keep bool
}

// maxCachedScripts bounds the cache (both generations together);
// collections are finite, but a fuzzer or a long-lived process compiling
// generated scripts is not. Each compiled script holds its source and
// bytecode, a few kB for a typical test script.
const maxCachedScripts = 256

// maxRanScripts bounds compileCache.ran; past it the sources that ran are
// forgotten, and each is compiled once more before it is kept.
const maxRanScripts = 1 << 14

// CompileCacheSize is how many distinct scripts Compile is sure to keep:
// a run with no more than that compiles each script at most twice, the
// second time when it runs again.
const CompileCacheSize = maxCachedScripts / 2

// Compile compiles a script for running it; the *Script may be run on
// many Sandboxes. It is safe for concurrent use: a runner may compile the
// scripts of the next requests on another goroutine (Precompile) while
// the current one runs, and a caller asking for a script being compiled
// waits for that compilation. Scripts with the same source share one
// compilation; name only says what stack traces call the script.
//
// Scripts run as a function body, as Postman runs them: a top-level
// `return` works and `var`s do not leak between scripts. Unlike Postman, a
// script that uses `await` at the top level is run as an async function
// body and Run waits for it. A syntax error is returned as an
// *event.ScriptError whose Line and Column are relative to the user's
// script, with V8's wording for the common messages.
func Compile(name, source string) (*Script, error) {
	return scriptCache.compile(name, source, false)
}

// CompileKept is Compile for a script that will run again (in a run of
// several iterations): its first compilation is kept.
func CompileKept(name, source string) (*Script, error) {
	return scriptCache.compile(name, source, true)
}

// Precompile compiles source ahead of the Compile that will run it, which
// then finds it compiled (or waits for it). keep says the script will run
// again (a run of several iterations), so that its first compilation is
// kept.
func Precompile(source string, keep bool) {
	<-scriptCache.entry(source, false, keep).done
}

func (c *compileCache) compile(name, source string, keep bool) (*Script, error) {
	e := c.entry(source, true, keep)
	<-e.done
	if e.err != nil {
		return nil, e.err
	}
	return &Script{Name: name, Source: source, compiled: e.c}, nil
}

// entry finds source's compilation or compiles it. A compilation asked
// for to run (forRun) that is not to be kept leaves the cache once it is
// compiled, and its source is noted as run, so that the next time it is
// compiled to be kept. A new compilation is kept when keep is set or its
// source ran before.
func (c *compileCache) entry(source string, forRun, keep bool) *cacheEntry {
	c.Lock()
	e, ok := c.cur[source]
	if !ok {
		if e, ok = c.prev[source]; ok {
			delete(c.prev, source)
			c.putLocked(source, e)
		}
	}
	if ok {
		if forRun && !e.keep {
			delete(c.cur, source)
			c.noteRanLocked(source)
		}
		c.Unlock()
		return e
	}
	if !keep {
		_, keep = c.ran[ranHash(source)]
	}
	e = &cacheEntry{done: make(chan struct{}), keep: keep}
	// Cached while it compiles even when it is not to be kept, so that
	// whoever asks meanwhile shares it.
	c.putLocked(source, e)
	drop := forRun && !e.keep
	if drop {
		c.noteRanLocked(source)
	}
	c.Unlock()
	e.c, e.err = compileGuarded(source)
	if e.c != nil {
		e.c.callsSugar = callsSugar(source)
		e.c.keep = e.keep
	}
	close(e.done)
	if drop {
		c.Lock()
		if c.cur[source] == e {
			delete(c.cur, source)
		} else if c.prev[source] == e {
			delete(c.prev, source)
		}
		c.Unlock()
	}
	return e
}

// noteRanLocked records that source ran from a compilation not kept.
func (c *compileCache) noteRanLocked(source string) {
	if c.ran == nil || len(c.ran) >= maxRanScripts {
		c.ran = make(map[uint64]struct{})
	}
	c.ran[ranHash(source)] = struct{}{}
}

// ranSeed seeds compileCache.ran's hashes, which only this process reads.
var ranSeed = maphash.MakeSeed()

// ranHash is source's key in compileCache.ran: maphash is several times
// faster than fnv, and every script is hashed as it first runs.
func ranHash(source string) uint64 {
	return maphash.String(ranSeed, source)
}

// compileGuarded is compile, with a panic in the parser or compiler (a
// bug on input nobody foresaw) turned into the script's syntax error, so
// that the run reports it and whoever waits for this compilation goes on.
func compileGuarded(source string) (c *compiled, err error) {
	defer func() {
		if p := recover(); p != nil {
			c, err = nil, &event.ScriptError{Name: "SyntaxError", Message: fmt.Sprintf("colrun could not compile this script: %v", p)}
		}
	}()
	return compile(source)
}

// putLocked adds e to the current generation, starting a new one when it
// is full.
func (c *compileCache) putLocked(source string, e *cacheEntry) {
	if c.cur == nil || len(c.cur) >= maxCachedScripts/2 {
		c.prev, c.cur = c.cur, make(map[string]*cacheEntry)
	}
	c.cur[source] = e
}

func compile(source string) (*compiled, error) {
	name := programFile(source)
	s := &compiled{file: name}
	if strings.TrimSpace(source) == "" {
		s.empty = true
		return s, nil
	}
	prg, perr := parseWrapped(name, syncPrefix, source)
	prefix := syncPrefix
	if perr != nil && strings.Contains(source, "await") {
		// Top-level await is a syntax error in a plain function body; an
		// async body accepts it, and is otherwise the same script.
		if p2, err2 := parseWrapped(name, asyncPrefix, source); err2 == nil {
			prg, perr, prefix = p2, nil, asyncPrefix
			s.async = true
		}
	}
	if perr != nil {
		return nil, perr
	}
	if fn, ok := prg.Body[0].(*ast.ExpressionStatement).Expression.(*ast.FunctionLiteral); ok {
		s.redeclared = redeclarations(fn.Body.List, source, func(idx int) int { return idx - 1 - len(prefix) })
		if mayWriteParams(source) {
			s.params = writtenParams(fn, s.redeclared)
		}
		for _, n := range s.params {
			fn.ParameterList.List = append(fn.ParameterList.List, &ast.Binding{Target: &ast.Identifier{Name: unistring.NewFromString(n), Idx: fn.ParameterList.Opening}})
		}
	}
	// After the analyses above, which read the script as written.
	if strings.Contains(source, "catch") {
		rewordCaught(prg)
	}
	program, err := goja.CompileAST(prg, false)
	if err != nil {
		// Early errors the parser lets through (a duplicate `let`) come from
		// the compiler, with an offset into the wrapped source.
		var ce *goja.CompilerSyntaxError
		if errors.As(err, &ce) {
			line, col := 0, 0
			if ce.File != nil {
				p := ce.File.Position(ce.Offset)
				line, col = p.Line, p.Column
				if line == 1 {
					col -= len(prefix)
				}
			}
			return nil, &event.ScriptError{Name: "SyntaxError", Message: v8SyntaxMessage(ce.Message), Line: line, Column: col}
		}
		return nil, &event.ScriptError{Name: "SyntaxError", Message: err.Error()}
	}
	s.program = program
	s.prefixLen = len(prefix)
	return s, nil
}

// parseWrapped parses source as the body of a function expression and
// checks that it really is one body: a source such as `}); x(); (function(){`
// parses once wrapped but would run outside the function.
func parseWrapped(name, prefix, source string) (*ast.Program, error) {
	// Bytes, which ParseFile copies once into the program's text; a
	// string it copies to bytes first.
	wrapped := make([]byte, 0, len(prefix)+len(source)+len(suffix))
	wrapped = append(append(append(wrapped, prefix...), source...), suffix...)
	prg, err := parser.ParseFile(nil, name, wrapped, 0, parser.WithDisableSourceMaps)
	if err != nil {
		return nil, syntaxError(name, prefix, source, err)
	}
	if len(prg.Body) == 1 {
		if st, ok := prg.Body[0].(*ast.ExpressionStatement); ok {
			if fn, ok := st.Expression.(*ast.FunctionLiteral); ok && int(fn.Body.Idx1())-1 == len(wrapped)-1 {
				return prg, nil
			}
			if fn, ok := st.Expression.(*ast.FunctionLiteral); ok {
				// The function closed early, at a `}` of the user's.
				off := int(fn.Body.Idx1()) - 2 - len(prefix)
				line, col := lineCol(source, off)
				return nil, &event.ScriptError{Name: "SyntaxError", Message: "Unexpected token '}'", Line: line, Column: col}
			}
		}
	}
	return nil, &event.ScriptError{Name: "SyntaxError", Message: "Unexpected token '}'", Line: 1, Column: 1}
}

// syntaxError maps a parse error of the wrapped source to the user's
// script. An error found in the wrapper's tail means the script ended
// early (an unclosed bracket or string) or closed the function itself; the
// source alone, parsed as a script, tells which, as V8 would report it.
func syntaxError(name, prefix, source string, err error) *event.ScriptError {
	var list parser.ErrorList
	var one *parser.Error
	switch {
	case errors.As(err, &list) && len(list) > 0:
		one = list[0]
	case errors.As(err, &one):
	default:
		return &event.ScriptError{Name: "SyntaxError", Message: err.Error()}
	}
	wrapped := prefix + source + suffix
	if off := offsetOf(wrapped, one.Position.Line, one.Position.Column); off < len(prefix)+len(source) {
		line, col := lineCol(source, off-len(prefix))
		msg := v8SyntaxMessage(one.Message)
		before, at := source[:off-len(prefix)], source[off-len(prefix):]
		switch {
		case strings.HasPrefix(msg, "Unexpected "):
			ctx := scanSyntax(before)
			if n := len(ctx.open); n > 0 && ctx.open[n-1].template && !ctx.inTemplate {
				msg = "Missing } in template expression"
			} else if ctx.missingParen() {
				msg = "missing ) after argument list"
			} else if w := strings.TrimRight(before, " \t"); strings.HasSuffix(w, "await") && (len(w) == 5 || !isIdentByte(w[len(w)-6])) {
				msg = "await is only valid in async functions and the top level bodies of modules"
			}
		case msg == "Invalid left-hand side in assignment" && (strings.HasPrefix(at, "++") || strings.HasPrefix(at, "--")):
			msg = "Invalid left-hand side expression in prefix operation"
		}
		if msg != v8SyntaxMessage(one.Message) {
			return &event.ScriptError{Name: "SyntaxError", Message: msg, Line: line, Column: col}
		}
		if msg == "Unexpected identifier" {
			// V8 names the identifier.
			rest := source[off-len(prefix):]
			n := 0
			for n < len(rest) && isIdentByte(rest[n]) {
				n++
			}
			if n > 0 {
				msg += " '" + rest[:n] + "'"
			}
		}
		return &event.ScriptError{Name: "SyntaxError", Message: msg, Line: line, Column: col}
	}
	// The error is in the suffix: the script left something open, which
	// V8 words by what that is, or fails at the suffix's ";" or ")".
	l, c := lineCol(source, len(source))
	ctx := scanSyntax(source)
	msg := v8SyntaxMessage(one.Message)
	switch {
	case ctx.inComment:
		msg = "Invalid or unexpected token"
	case ctx.inTemplate:
		msg = "Unexpected end of input"
	case ctx.inTemplateExpr:
		msg = "Missing } in template expression"
	case ctx.missingParen():
		msg = "missing ) after argument list"
	case !strings.HasPrefix(msg, "Unexpected token '") && msg != "Unexpected end of input":
		msg = "Unexpected end of input"
	}
	return &event.ScriptError{Name: "SyntaxError", Message: msg, Line: l, Column: c}
}

// nextLineStart returns the offset just past the first JavaScript line
// terminator of s (\n, \r, \r\n, U+2028, U+2029), or -1; goja numbers lines
// the same way.
func nextLineStart(s string) int {
	for i, r := range s {
		switch r {
		case '\r':
			if i+1 < len(s) && s[i+1] == '\n' {
				return i + 2
			}
			return i + 1
		case '\n':
			return i + 1
		case '\u2028', '\u2029':
			return i + 3
		}
	}
	return -1
}

// offsetOf converts a 1-based line and byte column to an offset in s.
func offsetOf(s string, line, col int) int {
	off := 0
	for i := 1; i < line; i++ {
		j := nextLineStart(s[off:])
		if j < 0 {
			return len(s)
		}
		off += j
	}
	return off + col - 1
}

// lineCol converts a byte offset in s to a 1-based line and column.
func lineCol(s string, off int) (int, int) {
	off = max(0, min(off, len(s)))
	line, start := 1, 0
	for {
		j := nextLineStart(s[start:])
		if j < 0 || start+j > off {
			return line, off - start + 1
		}
		start += j
		line++
	}
}

// lineText returns the 1-based line n of s, without its terminator.
func lineText(s string, n int) string {
	start := offsetOf(s, n, 1)
	if start >= len(s) {
		return ""
	}
	rest := s[start:]
	if j := nextLineStart(rest); j >= 0 {
		end := j - 1
		if strings.HasSuffix(rest[:j], "\r\n") {
			end = j - 2
		} else if strings.HasSuffix(rest[:j], "\u2028") || strings.HasSuffix(rest[:j], "\u2029") {
			end = j - 3
		}
		return rest[:end]
	}
	return rest
}

// v8SyntaxMessage rewords goja's parser messages as V8 words them, where
// the two differ only in form; anything else is kept as goja says it.
func v8SyntaxMessage(msg string) string {
	switch {
	case msg == "Unexpected token ILLEGAL":
		return "Invalid or unexpected token"
	case strings.HasPrefix(msg, "Unexpected token ") && !strings.HasPrefix(msg, "Unexpected token '"):
		return "Unexpected token '" + strings.TrimPrefix(msg, "Unexpected token ") + "'"
	}
	return msg
}
