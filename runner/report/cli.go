package report

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/fatih/color"

	"github.com/colrun/colrun/runner/event"
)

// CLIOptions configures the cli reporter. The caller decides colour
// (--color auto|on|off against the terminal) and --silent (by not creating
// the reporter); the reporter itself never looks at the terminal, so its
// output depends only on the events and these options.
type CLIOptions struct {
	// Color turns on ANSI colours, in Newman's scheme.
	Color bool
	// Verbose adds, per request: redirects, request and response headers
	// and bodies (each clipped at 2,048 bytes, as Newman clips), timing
	// phases and a note on bodies cut to the kept size.
	Verbose bool
	// NoSummary leaves out the summary table (--reporter-cli-no-summary).
	NoSummary bool
	// NoFailures leaves out the failure list (--reporter-cli-no-failures).
	NoFailures bool
	// NoConsole leaves out scripts' console output
	// (--reporter-cli-no-console).
	NoConsole bool
	// NoBanner leaves out the "colrun" banner (--reporter-cli-no-banner).
	NoBanner bool
	// NoAssertions leaves out every assertion line, passed, failed or
	// skipped (--reporter-cli-no-assertions); the failure list still
	// shows the failures.
	NoAssertions bool
	// NoSuccessAssertions leaves out the lines of passed and skipped
	// assertions, keeping the failed ones
	// (--reporter-cli-no-success-assertions).
	NoSuccessAssertions bool
	// ShowTimestamps prefixes request lines, assertion lines and console
	// boxes with the local time, as Newman's --reporter-cli-show-timestamps
	// does (Node's en-US toLocaleString and toLocaleTimeString forms).
	ShowTimestamps bool
	// JoinItems holds an item's results back until the next event (the
	// next item's start, in a sequential run), so each request costs one
	// write to stdout rather than two: a CI log reading from a pipe pays
	// per write. The caller sets it only when nothing waits between items
	// (no --delay-request), so the output never lags behind the run.
	JoinItems bool
	// Now is the clock for ShowTimestamps; nil means time.Now. Tests set
	// it so their output does not depend on when they run.
	Now func() time.Time
	// DisableUnicode draws with Newman's plain-text marks (--disable-unicode):
	// "Pass", "Folder", "|" boxes and a table of "-", "|" and "+", for
	// terminals and CI logs that garble Unicode.
	DisableUnicode bool
	// Width is the terminal's width when stdout is one, 0 otherwise. As in
	// Newman, it sets where console output and bodies wrap and the failure
	// table's column widths; 0 gives Newman's non-terminal layout (wrap at
	// 54 columns, failure columns as wide as their contents).
	Width int
}

// bodyClip is where Newman's verbose output clips a body.
const bodyClip = 2048

// CLI is the cli reporter: Newman's console layout, written as events
// arrive, and the summary table and failure list at RunEnd.
type CLI struct {
	w    io.Writer
	sum  *Summary
	own  bool
	opts CLIOptions
	p    palette
	g    *glyphs

	buf    bytes.Buffer
	group  string // folder path of the last item, "" for the collection root
	boxEnd string // text that closes the open console box, "" when none is open
	err    error
}

// NewCLI returns a cli reporter writing to w. sum is the shared Summary,
// which the caller feeds each event before this reporter (Set does); nil
// makes the reporter keep its own.
func NewCLI(w io.Writer, sum *Summary, opts CLIOptions) *CLI {
	c := &CLI{w: w, sum: sum, opts: opts, p: newPalette(opts.Color), g: &unicodeGlyphs}
	if opts.DisableUnicode {
		c.g = &plainGlyphs
	}
	if sum == nil {
		c.sum, c.own = NewSummary(), true
	}
	return c
}

// Handle prints what e adds to the report and writes it out, so that the
// console follows the run: at once, except that a request's line and its
// scripts' results are written together when the item ends (or a script
// logs to the console), one write instead of one per line, which is what
// a CI log reading from a pipe pays for; with JoinItems they wait for the
// next event too.
func (c *CLI) Handle(e event.Event) error {
	if c.own {
		_ = c.sum.Handle(e)
	}
	switch {
	case e.RunStart != nil:
		c.runStart(e.RunStart)
	case e.IterationStart != nil:
		if e.IterationStart.Count > 1 {
			c.print("\n" + c.p.grayU(fmt.Sprintf("Iteration %d/%d", e.IterationStart.Iteration+1, e.IterationStart.Count)) + "\n")
		}
	case e.ItemStart != nil:
		c.itemStart(e.ItemStart.Item)
	case e.Script != nil:
		if se := e.Script.Error; se != nil {
			c.print(c.p.redBold(fmt.Sprintf("%s⠄ %s in %s-script", padLeft(strconv.Itoa(len(c.sum.Failures)), 3, " "), orDefault(se.Name, "Error"), e.Script.Listen)) + "\n")
		}
	case e.Console != nil:
		if !c.opts.NoConsole {
			c.console(e.Console)
		}
	case e.Request != nil:
		c.request(e.Request)
	case e.Assertion != nil:
		c.assertion(e.Assertion)
	case e.ItemEnd != nil:
		c.closeBox()
		if next := e.ItemEnd.NextRequest; next != "" {
			// Newman announces a test script's setNextRequest after the
			// item's output (its cli reporter's "test" handler).
			c.print("\n" + c.p.gray("Attempting to set next request to "+next) + "\n")
		}
	case e.Warning != nil:
		c.print(c.p.yellow("  "+c.g.warn+" "+e.Warning.Message) + "\n")
	case e.RunEnd != nil:
		c.closeBox()
		c.runEnd()
	}
	if e.Request != nil || e.Assertion != nil || e.Script != nil || (e.ItemEnd != nil && c.opts.JoinItems) {
		return nil
	}
	return c.flush()
}

// Close writes what is still held back (a stream cut short has no
// summary to show) and returns the first write error.
func (c *CLI) Close() error {
	_ = c.flush()
	return c.err
}

func (c *CLI) flush() error {
	defer c.buf.Reset()
	if c.buf.Len() == 0 || c.err != nil {
		return nil
	}
	if _, err := c.w.Write(c.buf.Bytes()); err != nil {
		c.err = fmt.Errorf("cli reporter: %w", err)
		return c.err
	}
	return nil
}

// print is Newman's print: any output first closes an open console box.
func (c *CLI) print(s string) {
	c.closeBox()
	c.buf.WriteString(s)
}

func (c *CLI) closeBox() {
	if c.boxEnd != "" {
		c.buf.WriteString(c.boxEnd)
		c.boxEnd = ""
	}
}

func (c *CLI) runStart(r *event.RunStart) {
	if !c.opts.NoBanner {
		c.print("colrun\n\n")
	}
	// Newman prints the collection's name, or else its id, which
	// postman-collection makes up when the file has none; the json and
	// junit reports show the same one.
	name := r.Collection.Name
	if name == "" {
		name = collectionID(r.Collection)
	}
	c.print(name + "\n")
}

func (c *CLI) itemStart(it event.ItemRef) {
	group := FolderPath(it)
	if group != c.group {
		if group != "" {
			c.print("\n" + c.g.folder + " " + group)
		}
		c.group = group
	}
	mark := c.g.root
	if group != "" {
		mark = c.g.sub
	}
	c.print("\n" + mark + " " + it.Name + "\n")
}

func (c *CLI) console(m *event.Console) {
	col := c.p.level(m.Level)
	if c.opts.ShowTimestamps {
		// Newman prints the time on a line of its own above the box,
		// which closes any open box: each message gets its own.
		c.print("\n  " + c.p.gray("["+jsLocaleTime(c.now())+"]") + "\n")
	}
	if c.boxEnd == "" {
		c.buf.WriteString(col("  "+c.g.boxTop) + "\n")
	}
	c.boxEnd = col("  "+c.g.boxBottom) + "\n"
	c.boxLines(strings.Join(m.Messages, ", "), col(c.g.boxMiddle))
}

// boxLines writes text inside a box, cut to the wrap width, each line
// behind the box's bar; the text is grey, as Newman prints it.
func (c *CLI) boxLines(text, bar string) {
	for _, l := range chunk(text, c.wrapWidth()) {
		c.buf.WriteString("  " + bar + " " + c.p.gray(l) + "\n")
	}
}

func (c *CLI) wrapWidth() int {
	if c.opts.Width > 20 {
		return c.opts.Width - 6
	}
	return 60 - 6
}

func (c *CLI) assertion(a *event.Assertion) {
	if c.opts.NoAssertions || (c.opts.NoSuccessAssertions && (a.Skipped || a.Error == nil)) {
		return
	}
	if c.opts.ShowTimestamps && !a.Skipped {
		// Newman's timestamped form narrows the failure number to two
		// columns, and a skipped assertion has no timestamp.
		ts := c.p.gray("[" + jsLocaleTime(c.now()) + "]")
		if a.Error == nil {
			c.print("  " + ts + c.p.green("  "+c.g.ok+" ") + " " + c.p.gray(a.Name) + "\n")
		} else {
			c.print("  " + ts + c.p.redBold(padLeft(strconv.Itoa(len(c.sum.Failures)), 2, " ")+".") + " " + c.p.redBold(a.Name) + "\n")
		}
		return
	}
	switch {
	case a.Skipped:
		c.print(c.p.cyan("  - ") + " " + c.p.cyan("[skipped] "+a.Name) + "\n")
	case a.Error == nil:
		c.print(c.p.green("  "+c.g.ok+" ") + " " + c.p.gray(a.Name) + "\n")
	default:
		c.print(c.p.redBold(padLeft(strconv.Itoa(len(c.sum.Failures)), 3, " ")+".") + " " + c.p.redBold(a.Name) + "\n")
	}
}

func (c *CLI) now() time.Time {
	if c.opts.Now != nil {
		return c.opts.Now()
	}
	return time.Now()
}

// jsLocaleTime is Node's Date.toLocaleTimeString() in its default en-US
// locale: "3:04:05 PM".
func jsLocaleTime(t time.Time) string { return t.Format("3:04:05 PM") }

// jsLocaleDateTime is Node's Date.toLocaleString() in en-US:
// "1/2/2006, 3:04:05 PM".
func jsLocaleDateTime(t time.Time) string { return t.Format("1/2/2006, 3:04:05 PM") }

func (c *CLI) request(r *event.Request) {
	// Newman prints the request's Url.toString(): not percent-encoded,
	// with the fragment and the protocol's case.
	line := "  " + c.p.gray(r.Sent.Method) + " " + c.p.gray(orDefault(r.Sent.PostmanURL, r.Sent.URL))
	if c.opts.ShowTimestamps {
		line = "  " + c.p.gray("["+jsLocaleDateTime(c.now())+"]") + line
	}
	if r.Error != "" || r.Resp == nil {
		c.print(line + " " + c.p.red("[errored]") + "\n")
		c.print(c.p.red("     "+orDefault(r.Error, "Internal error! Could not read response data.")) + "\n")
		if c.opts.Verbose && r.ErrorDetail != "" {
			// The first line is Newman's wording, which CI logs may be
			// matched against; colrun's explanation comes only on request.
			c.print(c.p.gray("     ("+r.ErrorDetail+")") + "\n")
		}
		return
	}
	res := r.Resp
	if !c.opts.Verbose {
		c.print(line + " " + c.p.gray(fmt.Sprintf("[%d %s, %s, %s]", res.Code, shownReason(res.Code, res.Status),
			FormatSize(res.HeaderSize+res.ReportedBodySize()), FormatDuration(res.Time))) + "\n")
		return
	}
	c.print(line + "\n")
	c.verbose(r)
}

// shownReason is the reason as Newman's cli prints it: a code Postman has
// no name for, sent without a phrase, shows as "undefined" ([999
// undefined, 47B, 5ms]).
func shownReason(code int, status string) string {
	if r := reason(code, status); r != "" {
		return r
	}
	return "undefined"
}

// verbose prints Newman's verbose block: the status line with sizes and
// header counts, the bodies clipped at 2 KB, the timing phases; and, as
// colrun's additions, redirects, both header lists and a note when the
// runner cut a body to its kept size. Unresolved variables are not
// derived from Request.Unresolved: the runner reports them as Warning
// events under --verbose, which every mode prints.
func (c *CLI) verbose(r *event.Request) {
	p, g, res := c.p, c.g, r.Resp
	for _, h := range r.Redirs {
		c.print("  " + p.gray(g.redirect+" "+strconv.Itoa(h.Status)) + " " + p.gray(h.URL) + "\n")
	}
	star := " " + p.gray(g.star) + " "
	cookies := 0
	for _, h := range res.Headers {
		if strings.EqualFold(h.Key, "Set-Cookie") {
			cookies++
		}
	}
	c.print("  " + strings.Join([]string{
		fmt.Sprintf("%d %s", res.Code, shownReason(res.Code, res.Status)),
		FormatDuration(res.Time) + " " + p.gray("time"),
		FormatSize(requestSize(r.Sent)) + p.gray(g.up) + " " + FormatSize(res.HeaderSize+res.ReportedBodySize()) + p.gray(g.down) + " " + p.gray("size"),
		strconv.Itoa(len(r.Sent.Headers)) + p.gray(g.up) + " " + strconv.Itoa(len(res.Headers)) + p.gray(g.down) + " " + p.gray("headers"),
		strconv.Itoa(cookies) + " " + p.gray("cookies"),
	}, star) + "\n")

	c.headerBox(g.up, r.Sent.Headers)
	if r.Sent.BodySize > 0 || len(r.Sent.Body) > 0 {
		c.bodyBox(p.white(g.up)+" raw"+star+FormatSize(max64(r.Sent.BodySize, int64(len(r.Sent.Body)))), r.Sent.Body, r.Sent.BodySize, true)
	}
	c.headerBox(g.down, res.Headers)
	ct, mt, mf, cs := contentInfo(res.Header("Content-Type"))
	info := strings.Join([]string{ct, mt, mf, cs}, star)
	size := max64(res.BodySize, int64(len(res.Body)))
	if size > 0 {
		c.bodyBox(p.white(g.down)+" "+info+star+FormatSize(size), res.Body, size, mt == "text")
	} else {
		c.print("  " + g.down + " " + info + "\n")
	}
	if res.Truncated {
		c.print(p.yellow(fmt.Sprintf("  %s response body cut to %s of %s (the kept-body cap)", g.warn, FormatSize(int64(len(res.Body))), FormatSize(res.BodySize))) + "\n")
	}
	if t := res.Timings; t != nil {
		heads := []string{"dns-lookup", "tcp-handshake"}
		vals := []string{phase(t.DNS), phase(t.Connect)}
		if t.TLS > 0 {
			heads, vals = append(heads, "ssl-handshake"), append(vals, phase(t.TLS))
		}
		heads = append(heads, "transfer-start", "download", "total")
		vals = append(vals, phase(t.FirstByte), phase(t.Download), FormatDuration(res.Time))
		var hl, vl strings.Builder
		for i := range heads {
			w := max(utf8.RuneCountInString(heads[i]), utf8.RuneCountInString(vals[i]))
			hl.WriteString("  " + p.white(heads[i]) + strings.Repeat(" ", w-utf8.RuneCountInString(heads[i])+1))
			vl.WriteString("  " + p.gray(vals[i]) + strings.Repeat(" ", w-utf8.RuneCountInString(vals[i])+1))
		}
		c.print(strings.TrimRight(hl.String(), " ") + "\n" + strings.TrimRight(vl.String(), " ") + "\n")
	}
	c.print("\n")
}

// phase formats a timing phase; zero means the phase did not happen (a
// reused connection), which Newman shows as "(cache)".
func phase(d time.Duration) string {
	if d == 0 {
		return "(cache)"
	}
	return FormatDuration(d)
}

func (c *CLI) headerBox(arrow string, hs []event.Header) {
	if len(hs) == 0 {
		return
	}
	// A disabled header counts in Newman's header total, but was not sent.
	lines := make([]string, 0, len(hs))
	for _, h := range hs {
		if !h.Disabled {
			lines = append(lines, h.Key+": "+h.Value)
		}
	}
	c.print("  " + c.p.white(c.g.boxTop) + " " + c.p.white(arrow) + " headers\n")
	c.boxLines(strings.Join(lines, "\n"), c.p.white(c.g.boxMiddle))
	c.buf.WriteString(c.p.white("  "+c.g.boxBottom) + "\n")
}

func (c *CLI) bodyBox(head string, body []byte, full int64, text bool) {
	c.print("  " + c.p.white(c.g.boxTop) + " " + head + "\n")
	bar := c.p.white(c.g.boxMiddle)
	if !text || !utf8.Valid(body) {
		c.boxLines(fmt.Sprintf("(binary body, %s)", FormatSize(full)), bar)
	} else {
		shown := string(body)
		clipped := len(shown) > bodyClip || full > bodyClip
		if cut := min(len(shown), bodyClip); clipped {
			for cut > 0 && cut < len(shown) && !utf8.RuneStart(shown[cut]) {
				cut--
			}
			shown = shown[:cut]
		}
		c.boxLines(shown, bar)
		if clipped {
			c.buf.WriteString("  " + bar + " " + c.p.brightWhite(fmt.Sprintf("(showing %s/%s)", FormatSize(bodyClip), FormatSize(full))) + "\n")
		}
	}
	c.buf.WriteString(c.p.white("  "+c.g.boxBottom) + "\n")
}

// requestSize approximates what went on the wire: the request line, the
// headers and the body, as Postman's Request.size does.
func requestSize(s event.SentRequest) int64 {
	target := s.URL
	if u, err := url.Parse(s.URL); err == nil && u.Host != "" {
		target = u.RequestURI()
	}
	n := int64(len(s.Method) + 1 + len(target) + len(" HTTP/1.1\r\n") + 2)
	for _, h := range s.Headers {
		if h.Disabled {
			continue // postman-collection's HeaderList#contentSize skips them
		}
		n += int64(len(h.Key) + 2 + len(h.Value) + 2)
	}
	return n + max64(s.BodySize, int64(len(s.Body)))
}

func max64(a, b int64) int64 {
	if a > b {
		return a
	}
	return b
}

// contentInfo is a short form of Postman's Response.contentInfo: the media
// type, its family ("text", "image", ...), its format ("json", "xml",
// "plain", ...) and its charset.
func contentInfo(ct string) (contentType, mimeType, mimeFormat, charset string) {
	charset = "utf8"
	parts := strings.Split(ct, ";")
	contentType = strings.ToLower(strings.TrimSpace(parts[0]))
	for _, p := range parts[1:] {
		k, v, _ := strings.Cut(strings.TrimSpace(p), "=")
		if strings.EqualFold(k, "charset") {
			charset = strings.ReplaceAll(strings.ToLower(strings.Trim(v, `"`)), "-", "")
		}
	}
	if contentType == "" {
		contentType = "text/plain"
	}
	family, sub, _ := strings.Cut(contentType, "/")
	switch {
	case strings.Contains(sub, "json"):
		return contentType, "text", "json", charset
	case strings.Contains(sub, "xml"):
		return contentType, "text", "xml", charset
	case strings.Contains(sub, "html"):
		return contentType, "text", "html", charset
	case strings.Contains(sub, "javascript") || strings.Contains(sub, "ecmascript"):
		return contentType, "text", "script", charset
	case family == "text":
		return contentType, "text", sub, charset
	case sub == "x-www-form-urlencoded":
		return contentType, "text", "plain", charset
	case family == "image" || family == "audio" || family == "video":
		return contentType, family, sub, charset
	case sub == "pdf":
		return contentType, "embed", "pdf", charset
	}
	return contentType, "unknown", sub, charset
}

func (c *CLI) runEnd() {
	if !c.opts.NoSummary {
		c.print("\n" + c.summaryTable() + "\n")
	}
	if !c.opts.NoFailures && len(c.sum.Failures) > 0 {
		c.print("\n" + c.failureTable() + "\n")
	}
}

// summaryTable draws Newman's cli-table3 summary: a 25-column label
// column, "executed" and "failed" columns sized to their contents and
// widened, as cli-table3 widens them, to fit the full-width rows below.
func (c *CLI) summaryTable() string {
	s, p, g := c.sum, c.p, c.g
	rows := []struct {
		label string
		m     Counter
	}{
		{"iterations", s.Stats.Iterations},
		{"requests", s.Stats.Requests},
		{"test-scripts", s.Stats.TestScripts},
		{"prerequest-scripts", s.Stats.PrerequestScripts},
		{"assertions", s.Stats.Assertions},
	}
	w0, w1, w2 := 25, len("executed")+2, len("  failed")+2
	for _, r := range rows {
		w1 = max(w1, len(strconv.Itoa(r.m.Total))+2)
		w2 = max(w2, len(strconv.Itoa(r.m.Failed))+2)
	}
	spans := []string{
		"total run duration: " + FormatDuration(s.Timings.Duration()),
		"total data received: " + FormatSize(s.ResponseTotal) + " (approx)",
	}
	phases := []struct {
		label string
		v     Phase
	}{{"average response time:", s.Timings.Response}}
	if c.opts.Verbose {
		// Newman measures phases only under --verbose, so only then does
		// its table show them; colrun always measures them (the json
		// report has them) but keeps the default table as Newman's.
		phases = append(phases, struct {
			label string
			v     Phase
		}{"average DNS lookup time:", s.Timings.DNS}, struct {
			label string
			v     Phase
		}{"average first byte time:", s.Timings.FirstByte})
	}
	for _, ph := range phases {
		if ph.v.Average != 0 {
			spans = append(spans, fmt.Sprintf("%s %s [min: %s, max: %s, s.d.: %s]", ph.label,
				formatMS(ph.v.Average), formatMS(ph.v.Min), formatMS(ph.v.Max), formatMS(ph.v.SD)))
		}
	}
	for i := len(spans) - 1; i >= 0; i-- {
		want, have := utf8.RuneCountInString(spans[i])+2, w0+1+w1+1+w2
		if want > have {
			d := jsRound(float64(want-have) / 2)
			w1, have = w1+d, have+d
		}
		if want > have {
			w2 += jsRound(float64(want - have))
		}
	}
	total := w0 + 1 + w1 + 1 + w2
	bar := func(n int) string { return strings.Repeat(g.line, n) }
	var b strings.Builder
	border := func(s string) { b.WriteString(p.gray(s) + "\n") }
	v := p.gray(g.bar)
	cell := func(content string, plainLen, w int, right bool) string {
		pad := strings.Repeat(" ", max(0, w-2-plainLen))
		if right {
			return " " + pad + content + " "
		}
		return " " + content + pad + " "
	}
	border(g.topLeft + bar(w0) + g.topMid + bar(w1) + g.topMid + bar(w2) + g.topRight)
	b.WriteString(v + cell("", 0, w0, true) + v + cell("executed", 8, w1, true) + v + cell("  failed", 8, w2, true) + v + "\n")
	for _, r := range rows {
		border(g.leftMid + bar(w0) + g.midMid + bar(w1) + g.midMid + bar(w2) + g.rightMid)
		label := p.green(r.label)
		if r.m.Failed > 0 {
			label = p.red(r.label)
		} else if r.m.Pending > 0 {
			label = r.label
		}
		failed := strconv.Itoa(r.m.Failed)
		fl := len(failed)
		if r.m.Failed > 0 {
			failed = p.red(failed)
		}
		executed := strconv.Itoa(r.m.Total)
		b.WriteString(v + cell(label, len(r.label), w0, true) + v + cell(executed, len(executed), w1, true) + v + cell(failed, fl, w2, true) + v + "\n")
	}
	for i, sp := range spans {
		if i == 0 {
			border(g.leftMid + bar(w0) + g.bottomMid + bar(w1) + g.bottomMid + bar(w2) + g.rightMid)
		} else {
			border(g.leftMid + bar(total) + g.rightMid)
		}
		b.WriteString(v + cell(sp, utf8.RuneCountInString(sp), total, false) + v + "\n")
	}
	border(g.bottomLeft + bar(total) + g.bottomRight)
	return strings.TrimSuffix(b.String(), "\n")
}

// jsRound is JavaScript's Math.round: halves round up.
func jsRound(f float64) int { return int(math.Floor(f + 0.5)) }

// failureTable draws Newman's failure list: "#", "failure" (the error's
// name and, over several iterations, which one) and "detail" (the test,
// the message, where, and inside which request), with a blank line between
// rows. Newman pads cells with spaces to the column width; colrun trims
// the trailing spaces, which shows the same.
func (c *CLI) failureTable() string {
	p, fs := c.p, c.sum.Failures
	digits := len(strconv.Itoa(len(fs)))
	type row struct{ num, name, detail []string }
	plain := make([]row, len(fs))
	color := make([]row, len(fs))
	for i, f := range fs {
		num := padLeft(strconv.Itoa(i+1), digits, "0") + "."
		name, cname := []string{f.Name}, []string{f.Name}
		if f.HasCursor && c.sum.Cycles > 1 {
			it := "iteration: " + strconv.Itoa(f.Cursor.Iteration+1)
			name, cname = append(name, it), append(cname, p.gray(it))
		}
		// Each line of a multi-line message (a JSONError's excerpt, a
		// schema error list) is a line of the detail column, as
		// cli-table3 lays out a cell's lines.
		detail, cdetail := strings.Split(f.Test, "\n"), strings.Split(f.Test, "\n")
		rest := strings.Split(f.Message, "\n")
		rest = append(rest, "at "+f.At)
		switch {
		case f.Kind == FailRequest && f.Listen != "":
			// Newman prints inside "" for a pm.sendRequest; naming the
			// item alone would blame its own request.
			rest = append(rest, `inside "`+FullName(f.Item)+`", pm.sendRequest in `+f.Listen+"-script")
		case f.Kind != FailRun:
			rest = append(rest, `inside "`+FullName(f.Item)+`"`)
		}
		for _, d := range rest {
			detail, cdetail = append(detail, d), append(cdetail, p.gray(d))
		}
		plain[i] = row{[]string{num}, name, detail}
		color[i] = row{[]string{num}, cname, cdetail}
	}
	w0, w1, w2 := digits+3, len("failure")+2, len("detail")+2
	wrapped := c.opts.Width > 20
	if wrapped {
		w1 = int(float64(c.opts.Width-w0) * 0.2)
		w2 = c.opts.Width - (w0 + w1 + 5)
	} else {
		for _, r := range plain {
			for _, s := range r.name {
				w1 = max(w1, utf8.RuneCountInString(s)+2)
			}
			for _, s := range r.detail {
				w2 = max(w2, utf8.RuneCountInString(s)+2)
			}
		}
	}
	var b strings.Builder
	emit := func(s string) { b.WriteString(strings.TrimRight(s, " ") + "\n") }
	emit(" " + strings.Repeat(" ", w0-3) + p.redU("#") + " " +
		" " + p.redU("failure") + strings.Repeat(" ", max(0, w1-9)) + " " +
		" " + p.redU("detail"))
	for i := range plain {
		emit("")
		names, details := plain[i].name, plain[i].detail
		cnames, cdetails := color[i].name, color[i].detail
		if wrapped {
			names, cnames = wrapCells(names, cnames, w1-2)
			details, cdetails = wrapCells(details, cdetails, w2-2)
		}
		n := max(len(names), len(details))
		for j := 0; j < n; j++ {
			num := strings.Repeat(" ", w0)
			if j == 0 {
				num = " " + padLeft(plain[i].num[0], w0-2, " ") + " "
			}
			emit(num + leftCell(names, cnames, j, w1) + leftCell(details, cdetails, j, w2))
		}
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// wrapCells wraps each line of a cell to width, keeping every wrapped
// piece in the colour of the line it came from.
func wrapCells(plain, colored []string, width int) ([]string, []string) {
	var po, co []string
	for i, s := range plain {
		for _, w := range wordWrap(s, width) {
			po = append(po, w)
			if colored[i] == s {
				co = append(co, w)
			} else {
				co = append(co, strings.Replace(colored[i], s, w, 1))
			}
		}
	}
	return po, co
}

func leftCell(plain, colored []string, j, w int) string {
	if j >= len(plain) {
		return strings.Repeat(" ", w)
	}
	return " " + colored[j] + strings.Repeat(" ", max(0, w-2-utf8.RuneCountInString(plain[j]))) + " "
}

// glyphs are the marks the cli report draws with, Newman's two sets
// (its cli-utils-symbols and cli-table3 chars). The script error mark "⠄"
// is not among them: Newman prints it under --disable-unicode too.
type glyphs struct {
	folder, root, sub, ok, star, up, down string
	boxTop, boxMiddle, boxBottom          string
	// warn and redirect mark colrun's own lines (warnings, and redirects
	// under --verbose), which Newman does not print.
	warn, redirect string
	// The summary table: its horizontal line and vertical bar, and the
	// corners and joints, named as cli-table3 names them.
	line, bar                            string
	topLeft, topMid, topRight            string
	leftMid, midMid, rightMid, bottomMid string
	bottomLeft, bottomRight              string
}

var (
	unicodeGlyphs = glyphs{
		folder: "❏", root: "→", sub: "↳", ok: "✓", star: "★", up: "↑", down: "↓",
		boxTop: "┌", boxMiddle: "│", boxBottom: "└", warn: "⚠", redirect: "↪",
		line: "─", bar: "│", topLeft: "┌", topMid: "┬", topRight: "┐",
		leftMid: "├", midMid: "┼", rightMid: "┤", bottomMid: "┴", bottomLeft: "└", bottomRight: "┘",
	}
	// plainGlyphs are Newman's --disable-unicode marks; its table keeps
	// "+" only where rows and columns cross.
	plainGlyphs = glyphs{
		folder: "Folder", root: "Root", sub: "Sub-folder", ok: "Pass", star: "*", up: "^", down: "v",
		boxTop: "-", boxMiddle: "|", boxBottom: "-", warn: "!", redirect: "->",
		line: "-", bar: "|", topLeft: "-", topMid: "-", topRight: "-",
		leftMid: "-", midMid: "+", rightMid: "-", bottomMid: "-", bottomLeft: "-", bottomRight: "-",
	}
)

// palette holds the colour functions Newman's cli reporter uses; without
// colour each is the identity.
type palette struct {
	gray, grayU, green, red, redBold, redU func(string) string
	cyan, yellow, blue, white, brightWhite func(string) string
}

func newPalette(on bool) palette {
	mk := func(attrs ...color.Attribute) func(string) string {
		if !on {
			return func(s string) string { return s }
		}
		c := color.New(attrs...)
		c.EnableColor()
		return func(s string) string { return c.Sprint(s) }
	}
	return palette{
		gray: mk(color.FgHiBlack), grayU: mk(color.FgHiBlack, color.Underline),
		green: mk(color.FgGreen), red: mk(color.FgRed), redBold: mk(color.FgRed, color.Bold),
		redU: mk(color.FgRed, color.Underline), cyan: mk(color.FgCyan), yellow: mk(color.FgYellow),
		blue: mk(color.FgBlue), white: mk(color.FgWhite), brightWhite: mk(color.FgHiWhite),
	}
}

// level is the colour of a console box: Newman's theme for each level.
func (p palette) level(l string) func(string) string {
	switch l {
	case "info":
		return p.cyan
	case "warn":
		return p.yellow
	case "debug":
		return p.blue
	case "error":
		return p.red
	}
	return p.gray
}
