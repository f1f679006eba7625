package collections

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"regexp"
	"strings"

	"golang.org/x/text/transform"
)

// DataRow is one iteration's data, in column (or key) order.
type DataRow []Variable

// DataFile streams iteration data from a CSV file (header row, BOM
// tolerated, quoted fields may hold commas and newlines) or a JSON array of
// objects, so that a run over a large file never holds it in memory.
type DataFile struct {
	path string // as given, for messages
	// src is the file read: path, or a temporary copy of a pipe's
	// contents (tmp), removed by Close.
	src  string
	tmp  bool
	f    *os.File
	next func() (DataRow, error)
	row  int // rows returned so far
	// counting makes Next check each row without building it (Count).
	counting bool
	// Warn, when set, hears of rows Newman runs but that are likely
	// mistakes (a CSV row with another number of fields than the
	// header, a blank line), once per file: during Count, or the run's
	// pass without it.
	Warn func(msg string)
	// warned is set once Count has passed Warn the file's warnings.
	warned bool
	odd    int // CSV rows seen blank or with another number of fields
}

// maxRowWarnings is how many odd CSV rows are named one by one; a file
// with thousands of them gets one more line saying how many.
const maxRowWarnings = 3

// OpenData opens an iteration data file. JSON is detected by content (a
// leading "["), anything else is read as CSV, as Newman does.
func OpenData(path string) (*DataFile, error) {
	d := &DataFile{path: path, src: path}
	if fi, err := os.Stat(path); err == nil && !fi.Mode().IsRegular() && !fi.IsDir() {
		// A pipe (-d /dev/stdin, -d <(command)) can be read once, and
		// the rows are read twice: counted before the run, then run.
		src, err := spool(path, maxSpooled)
		if err != nil {
			return nil, &InputError{File: path, Err: fmt.Errorf("cannot read data file: %v", err)}
		}
		d.src, d.tmp = src, true
	}
	if _, err := readHead(path, d.src); err != nil {
		d.Close()
		return nil, err
	}
	if err := d.open(); err != nil {
		d.Close()
		return nil, err
	}
	return d, nil
}

// maxSpooled is the most a data file read from a pipe may hold: Newman
// reads a data file into one string, which V8 caps at 2^29-24 characters,
// so nothing larger runs under Newman, and an endless source (-d
// /dev/zero, -d <(yes)) stops here instead of filling the disk.
const maxSpooled = 1<<29 - 24

// spool copies what path holds, at most limit bytes, to a temporary file
// and returns its name.
func spool(path string, limit int64) (string, error) {
	in, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer in.Close()
	out, err := os.CreateTemp("", "colrun-data-*")
	if err != nil {
		return "", err
	}
	n, err := io.Copy(out, io.LimitReader(in, limit+1))
	if err == nil && n > limit {
		err = fmt.Errorf("it holds more than %d MiB, more than Newman can read", (limit+1<<20-1)>>20)
	}
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(out.Name())
		return "", err
	}
	return out.Name(), nil
}

// readHead reads the first bytes of src, the data file given as path.
func readHead(path, src string) ([]byte, error) {
	f, err := os.Open(src)
	if err != nil {
		_, rerr := ReadInput(path, "data")
		return nil, rerr
	}
	defer f.Close()
	head := make([]byte, 512)
	n, err := io.ReadFull(f, head)
	if err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, io.ErrUnexpectedEOF) {
		// A directory opens but does not read; the rows would read as
		// none and the run would go on without its data.
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, &InputError{File: path, Err: fmt.Errorf("cannot read data file: %v", err)}
	}
	return head[:n], nil
}

func (d *DataFile) open() error {
	f, err := os.Open(d.src)
	if err != nil {
		_, rerr := ReadInput(d.path, "data")
		return rerr
	}
	d.f = f
	br := textReader(f)
	first := firstNonSpace(br)
	if first == '[' || first == '{' {
		return d.openJSON(br)
	}
	return d.openCSV(br)
}

// textReader reads a data file as UTF-8 text: a UTF-16LE file is
// decoded, and a UTF-8 byte order mark is dropped.
func textReader(r io.Reader) *bufio.Reader {
	br := bufio.NewReaderSize(r, 64<<10)
	if head, _ := br.Peek(4); isUTF16LE(head) {
		br = bufio.NewReaderSize(transform.NewReader(br, utf16LE.NewDecoder()), 64<<10)
	}
	skipBOM(br)
	return br
}

// skipBOM drops a UTF-8 byte order mark, which spreadsheet exports write.
func skipBOM(br *bufio.Reader) {
	if bom, _ := br.Peek(3); bytes.Equal(bom, []byte("\xef\xbb\xbf")) {
		_, _ = br.Discard(3)
	}
}

func firstNonSpace(br *bufio.Reader) byte {
	for i := 1; ; i++ {
		b, err := br.Peek(i)
		if err != nil || len(b) < i {
			return 0
		}
		c := b[i-1]
		if c != ' ' && c != '\t' && c != '\r' && c != '\n' {
			return c
		}
		if i > 4096 {
			return 0
		}
	}
}

// Close releases the file, and removes the copy of a pipe's contents.
func (d *DataFile) Close() error {
	if d.tmp {
		os.Remove(d.src)
		d.tmp = false
	}
	if d.f == nil {
		return nil
	}
	err := d.f.Close()
	d.f = nil
	return err
}

// Next returns the next row, or io.EOF after the last one.
func (d *DataFile) Next() (DataRow, error) {
	row, err := d.next()
	if err == nil {
		d.row++
	}
	return row, err
}

// Count reads the file once more to count its rows, without keeping them;
// pm.info.iterationCount needs the number before the first iteration.
func (d *DataFile) Count() (int, error) {
	other := &DataFile{path: d.path, src: d.src, counting: true}
	if !d.warned {
		other.Warn = d.Warn
	}
	if err := other.open(); err != nil {
		return 0, err
	}
	defer other.Close()
	n := 0
	for {
		_, err := other.Next()
		if errors.Is(err, io.EOF) {
			d.warned = true
			return n, nil
		}
		if err != nil {
			return n, err
		}
		n++
	}
}

func (d *DataFile) openCSV(br *bufio.Reader) error {
	sc := &csvScanner{br: br, line: 1, col: 1, keep: !d.counting}
	header, err := sc.record()
	if errors.Is(err, io.EOF) {
		d.next = func() (DataRow, error) { return nil, io.EOF }
		return nil
	}
	if err != nil {
		return d.csvError(err)
	}
	names := make([]string, len(header))
	for i, f := range header {
		names[i] = strings.TrimSpace(f.text)
	}
	// Blank lines before the header are skipped (Newman would take the
	// first as a header of one empty name, and run nothing it could
	// use); after it, each is an iteration, as in Newman.
	sc.keepBlank = true
	d.next = func() (DataRow, error) {
		fields, err := sc.record()
		if err != nil {
			if errors.Is(err, io.EOF) {
				d.warnRowsTotal()
				d.warned = true
				return nil, io.EOF
			}
			return nil, d.csvError(err)
		}
		switch {
		case sc.blank:
			d.noteRow(fmt.Sprintf("%s:%d: blank line runs as an iteration whose first column is empty, as in Newman", d.path, fields[0].line))
		case len(fields) != len(names):
			d.noteRow(raggedMessage(d.path, fields[0].line, len(fields), len(names)))
		}
		if d.counting {
			// The scanner still checks quotes, so a bad row is found
			// before the run starts; no row is built.
			return nil, nil
		}
		// As Newman's csv-parse reads a row with another number of
		// fields: the columns it lacks are left out of the row (so
		// {{name}} stays unresolved), and fields past the header's are
		// dropped.
		row := make(DataRow, min(len(fields), len(names)))
		for i := range row {
			row[i] = Variable{Key: names[i], Value: csvValue(fields[i].text, fields[i].quoted)}
		}
		return row, nil
	}
	return nil
}

// noteRow passes Warn msg about a CSV row, for the first few such rows.
func (d *DataFile) noteRow(msg string) {
	d.odd++
	if d.Warn != nil && !d.warned && d.odd <= maxRowWarnings {
		d.Warn(msg)
	}
}

// raggedMessage describes a CSV row whose field count differs from the
// header's.
func raggedMessage(path string, line, got, want int) string {
	what := "the missing columns are left unset"
	if got > want {
		what = "the extra fields are dropped"
	}
	fields := "fields"
	if got == 1 {
		fields = "field"
	}
	return fmt.Sprintf("%s:%d: CSV row has %d %s where the header has %d; %s, as in Newman", path, line, got, fields, want, what)
}

// warnRowsTotal says how many odd rows there were past the ones named.
func (d *DataFile) warnRowsTotal() {
	if d.Warn != nil && !d.warned && d.odd > maxRowWarnings {
		d.Warn(fmt.Sprintf("%s: %d more CSV rows are blank or have another number of fields than the header", d.path, d.odd-maxRowWarnings))
	}
}

// csvScanner reads CSV records as csv-parse 4 reads them with Newman's
// options (trim, relax, a quote doubled inside quotes): whitespace around
// a field is dropped, except inside quotes; a quote inside an unquoted
// field is text (5"10); a quoted field keeps its line breaks as written
// (\r\n stays \r\n); and a record ends at \n, \r\n or a lone \r (the
// old Mac line ending some spreadsheets still write). A blank or
// whitespace-only line after the header is a record of one empty field,
// which Newman runs as an iteration whose first column is "" (a file's
// trailing blank lines make them by accident, hence the warning); before
// the header it is skipped. encoding/csv can do neither the quotes nor
// the line breaks of this.
type csvScanner struct {
	br        *bufio.Reader
	line, col int // position of the next byte, 1-based
	// keepBlank returns blank lines as records (Newman runs an
	// iteration for each blank line after the header); blank says the
	// last record was one.
	keepBlank, blank bool
	// keep is false when only checking the file: no field becomes a
	// string.
	keep   bool
	buf    []byte
	fields []csvField
}

type csvField struct {
	text   string
	quoted bool
	line   int
}

// csvSyntaxError is a malformed quote at a line and column.
type csvSyntaxError struct {
	line, col int
	msg       string
}

func (e *csvSyntaxError) Error() string { return e.msg }

func (d *DataFile) csvError(err error) error {
	var se *csvSyntaxError
	if errors.As(err, &se) {
		return &InputError{File: d.path, Line: se.line, Column: se.col, Err: fmt.Errorf("CSV: %s", se.msg)}
	}
	return &InputError{File: d.path, Err: fmt.Errorf("CSV: %v", err)}
}

func isCSVSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\f' }

func (s *csvScanner) readByte() (byte, bool) {
	c, err := s.br.ReadByte()
	if err != nil {
		return 0, false
	}
	s.col++
	return c, true
}

func (s *csvScanner) peek() (byte, bool) {
	b, err := s.br.Peek(1)
	if err != nil {
		return 0, false
	}
	return b[0], true
}

// newline counts a line break whose first byte c was just read, taking
// the \n of a \r\n too; it reports whether it took one.
func (s *csvScanner) newline(c byte) (crlf bool) {
	if c == '\r' {
		if n, ok := s.peek(); ok && n == '\n' {
			_, _ = s.br.ReadByte()
			crlf = true
		}
	}
	s.line++
	s.col = 1
	return crlf
}

// record returns the next record's fields, or io.EOF. Blank and
// whitespace-only lines are skipped unless keepBlank is set; one kept is a
// record of one empty field, with blank set. The slice is reused by the
// next call.
func (s *csvScanner) record() ([]csvField, error) {
	for {
		if _, ok := s.peek(); !ok {
			return nil, io.EOF
		}
		s.fields = s.fields[:0]
		for {
			f, more, err := s.field()
			if err != nil {
				return nil, err
			}
			s.fields = append(s.fields, f)
			if !more {
				break
			}
		}
		s.blank = len(s.fields) == 1 && !s.fields[0].quoted && len(s.buf) == 0
		if !s.blank || s.keepBlank {
			return s.fields, nil
		}
	}
}

// field reads one field and the delimiter after it; more is true when a
// comma ended it, so another field of the record follows.
func (s *csvScanner) field() (f csvField, more bool, err error) {
	s.buf = s.buf[:0]
	c, ok := s.readByte()
	for ok && isCSVSpace(c) {
		c, ok = s.readByte()
	}
	f.line = s.line
	if !ok {
		return f, false, nil
	}
	if c == '"' {
		f.quoted = true
		line, col := s.line, s.col-1
		for {
			c, ok = s.readByte()
			if !ok {
				return f, false, &csvSyntaxError{line, col, `the " opening a quoted field here is never closed`}
			}
			if c == '"' {
				if n, _ := s.peek(); n == '"' {
					_, _ = s.readByte()
				} else {
					break
				}
			}
			s.buf = append(s.buf, c)
			if (c == '\n' || c == '\r') && s.newline(c) {
				s.buf = append(s.buf, '\n')
			}
		}
		c, ok = s.readByte()
		for ok && isCSVSpace(c) {
			c, ok = s.readByte()
		}
		if ok && c != ',' && c != '\n' && c != '\r' {
			return f, false, &csvSyntaxError{s.line, s.col - 1, fmt.Sprintf("%q after the closing quote of a quoted field (a quote inside quotes is written \"\")", c)}
		}
	} else {
		for ok && c != ',' && c != '\n' && c != '\r' {
			s.buf = append(s.buf, c)
			c, ok = s.readByte()
		}
		for len(s.buf) > 0 && isCSVSpace(s.buf[len(s.buf)-1]) {
			s.buf = s.buf[:len(s.buf)-1]
		}
	}
	if s.keep {
		f.text = string(s.buf)
	}
	switch {
	case !ok:
		return f, false, nil
	case c == ',':
		return f, true, nil
	}
	s.newline(c)
	return f, false, nil
}

// jsInt is Newman's integer test for CSV fields (util.isInt).
var jsInt = regexp.MustCompile(`^[-+]?[1-9][0-9]*$`)

// csvValue applies Newman's cast (csvAutoParse): an unquoted field that is
// an integer, or passes csv-parse's float test (value - parseFloat(value)
// + 1 >= 0), becomes parseFloat(value), so "0x1A" becomes 0 and "007" 7;
// everything else stays text.
func csvValue(s string, quoted bool) any {
	if quoted {
		return s
	}
	if jsInt.MatchString(s) {
		// ParseFloat is parseInt here: the digits are all there is.
		return csvNumber(ParseFloat(s))
	}
	if f := ParseFloat(s); ToNumber(s)-f+1 >= 0 {
		return csvNumber(f)
	}
	return s
}

// csvNumber keeps a cast field as json.Number, like numbers from JSON
// files; an integer too long for a float64 is Infinity in JavaScript,
// which JSON cannot spell, so it stays a float64.
func csvNumber(f float64) any {
	if math.IsInf(f, 0) {
		return f
	}
	return json.Number(FormatNumber(f))
}

func (d *DataFile) openJSON(br *bufio.Reader) error {
	dec := json.NewDecoder(br)
	dec.UseNumber()
	tok, err := dec.Token()
	if err != nil {
		return &InputError{File: d.path, Err: fmt.Errorf("invalid JSON: %v", err)}
	}
	if delim, ok := tok.(json.Delim); !ok || delim != '[' {
		return &InputError{File: d.path, Err: errors.New("JSON data must be an array of objects, one per iteration")}
	}
	index := 0
	d.next = func() (DataRow, error) {
		if !dec.More() {
			return nil, d.jsonEnd(dec, br)
		}
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return nil, d.jsonError(dec, err)
		}
		index++
		row, err := objectRow(raw)
		if err != nil {
			return nil, &InputError{File: d.path, Err: fmt.Errorf("element %d: %v", index, err)}
		}
		return row, nil
	}
	return nil
}

// jsonEnd reads the array's closing bracket and checks that only
// whitespace follows it, as JSON.parse does in Newman: a file cut short
// before its "]", or with anything after it, is refused rather than run
// with the rows read so far. It returns io.EOF when the file is whole.
func (d *DataFile) jsonEnd(dec *json.Decoder, rest io.Reader) error {
	if _, err := dec.Token(); err != nil {
		if errors.Is(err, io.EOF) {
			err = io.ErrUnexpectedEOF
		}
		return d.jsonError(dec, err)
	}
	after := bufio.NewReader(io.MultiReader(dec.Buffered(), rest))
	for off := dec.InputOffset(); ; off++ {
		b, err := after.ReadByte()
		if err != nil {
			return io.EOF
		}
		if b != ' ' && b != '\t' && b != '\r' && b != '\n' {
			line, col := d.lineColumnAt(off + 1)
			return &InputError{File: d.path, Line: line, Column: col, Err: fmt.Errorf("invalid JSON: unexpected %q after the array of iteration data", b)}
		}
	}
}

// lineColumnAt returns the line and column of the byte at 1-based offset
// (counted after any BOM), or 0, 0 when the file cannot be read again.
func (d *DataFile) lineColumnAt(offset int64) (int, int) {
	f, err := os.Open(d.src)
	if err != nil {
		return 0, 0
	}
	defer f.Close()
	return lineColumnOf(textReader(f), offset)
}

// jsonError locates a syntax error by line and column, as for collection
// files. The decoder streams, so the file is read again, which ends the
// run anyway.
func (d *DataFile) jsonError(dec *json.Decoder, err error) error {
	f, ferr := os.Open(d.src)
	if ferr != nil {
		return &InputError{File: d.path, Err: fmt.Errorf("invalid JSON near byte %d: %v", dec.InputOffset(), err)}
	}
	defer f.Close()
	br := textReader(f)
	// A truncated file (no SyntaxError) ends at its last byte.
	off := int64(math.MaxInt64)
	var se *json.SyntaxError
	if errors.As(err, &se) {
		off = offendingOffset(br, dec.InputOffset(), se.Offset)
		// Count lines afresh from the top.
		if _, serr := f.Seek(0, io.SeekStart); serr == nil {
			br = textReader(f)
		}
	}
	line, col := lineColumnOf(br, off)
	return &InputError{File: d.path, Line: line, Column: col, Err: fmt.Errorf("invalid JSON: %v", err)}
}

// offendingOffset returns the offset just past the byte a streaming
// decoder choked on. Its SyntaxError only says how far the element had
// been scanned (the offending byte may follow whitespace), so the element,
// from start to a little past that point, is checked again on its own,
// which reports the exact byte.
func offendingOffset(r *bufio.Reader, start, scanned int64) int64 {
	if _, err := r.Discard(int(start)); err != nil {
		return scanned + 1
	}
	window := make([]byte, scanned-start+4096)
	n, _ := io.ReadFull(r, window)
	var raw json.RawMessage
	var se *json.SyntaxError
	if err := json.Unmarshal(window[:n], &raw); errors.As(err, &se) {
		return start + se.Offset
	}
	return scanned + 1
}

// objectRow turns a JSON object into a row, keeping the key order.
func objectRow(raw json.RawMessage) (DataRow, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	if delim, ok := tok.(json.Delim); !ok || delim != '{' {
		return nil, errors.New("expected an object of variable names to values")
	}
	var row DataRow
	for dec.More() {
		kt, err := dec.Token()
		if err != nil {
			return nil, err
		}
		var v any
		if err := dec.Decode(&v); err != nil {
			return nil, err
		}
		row = append(row, Variable{Key: kt.(string), Value: v})
	}
	return row, nil
}
