package collections

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

// Newman 6.2.2 tells a variable defined without "value" (Postman writes
// {"key": "token"} for one nobody filled in) from null and from "", and
// skips a variable whose "disabled" is any truthy JavaScript value.
func TestVariableValuesKeepWhatTheFileSays(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, entry string
		want        Variable
	}{
		{"no value", `{"key":"token"}`, Variable{Key: "token", Value: Undefined{}}},
		{"no value, typed", `{"key":"token","type":"string"}`, Variable{Key: "token", Value: Undefined{}, Type: "string"}},
		{"null", `{"key":"token","value":null}`, Variable{Key: "token", Value: nil}},
		{"empty", `{"key":"token","value":""}`, Variable{Key: "token", Value: ""}},
		{"disabled true", `{"key":"k","value":"v","disabled":true}`, Variable{Key: "k", Value: "v", Disabled: true, DisabledAs: json.RawMessage(`true`)}},
		{`disabled "true"`, `{"key":"k","value":"v","disabled":"true"}`, Variable{Key: "k", Value: "v", Disabled: true, DisabledAs: json.RawMessage(`"true"`)}},
		{"disabled 1", `{"key":"k","value":"v","disabled":1}`, Variable{Key: "k", Value: "v", Disabled: true, DisabledAs: json.RawMessage(`1`)}},
		{"disabled 0", `{"key":"k","value":"v","disabled":0}`, Variable{Key: "k", Value: "v", DisabledAs: json.RawMessage(`0`)}},
		{`disabled ""`, `{"key":"k","value":"v","disabled":""}`, Variable{Key: "k", Value: "v", DisabledAs: json.RawMessage(`""`)}},
		{"enabled false is not read", `{"key":"k","value":"v","enabled":false}`, Variable{Key: "k", Value: "v"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			env, err := ParseVariableFile("e.json", "environment", []byte(`{"values":[`+tt.entry+`]}`))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff([]Variable{tt.want}, env.Values); diff != "" {
				t.Errorf("environment (-want +got):\n%s", diff)
			}
			c, err := ParseCollection("c.json", []byte(`{"info":{"name":"c"},"item":[],"variable":[`+tt.entry+`]}`))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff([]Variable{tt.want}, c.Variables); diff != "" {
				t.Errorf("collection (-want +got):\n%s", diff)
			}
		})
	}
}

// Each unquoted CSV field is cast as Newman's csvAutoParse casts it; the
// values are what pm.iterationData.get returned under Newman 6.2.2.
func TestCSVFieldsCastAsNewman(t *testing.T) {
	t.Parallel()
	tests := []struct {
		field string
		want  any
	}{
		{"1.0", json.Number("1")},
		{`"1.0"`, "1.0"},
		{"-0", json.Number("0")},
		{"1e21", json.Number("1e+21")},
		{"true", "true"},
		{"", ""},
		{"0x1A", json.Number("0")},
		{" 12 ", json.Number("12")},
		{"+5", json.Number("5")},
		{".5", json.Number("0.5")},
		{"5.", json.Number("5")},
		{"007", json.Number("7")},
		{"1e400", "1e400"},
		{"-", "-"},
		{"9007199254740993", json.Number("9007199254740992")},
		{"null", "null"},
		{"12px", "12px"},
		{"Infinity", "Infinity"},
	}
	dir := t.TempDir()
	for i, tt := range tests {
		t.Run(tt.field, func(t *testing.T) {
			t.Parallel()
			path := filepath.Join(dir, string(rune('a'+i))+".csv")
			if err := os.WriteFile(path, []byte("v\n"+tt.field+"\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			d, err := OpenData(path)
			if err != nil {
				t.Fatal(err)
			}
			defer d.Close()
			row, err := d.Next()
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(DataRow{{Key: "v", Value: tt.want}}, row); diff != "" {
				t.Errorf("row (-want +got):\n%s", diff)
			}
		})
	}
}

// The expected values are node's String(Number(s)) and String(parseFloat(s)).
func TestJavaScriptNumberParsing(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, number, parseFloat string }{
		{"", "0", "NaN"},
		{"  ", "0", "NaN"},
		{" 12 ", "12", "12"},
		{"0x1A", "26", "0"},
		{"0b101", "5", "0"},
		{"0o17", "15", "0"},
		{"-0x1A", "NaN", "0"},
		{"1e", "NaN", "1"},
		{"12px", "NaN", "12"},
		{".5", "0.5", "0.5"},
		{"5.", "5", "5"},
		{"-0", "0", "0"},
		{"-Infinity", "-Infinity", "-Infinity"},
		{"inf", "NaN", "NaN"},
		{"1_000", "NaN", "1"},
		{"1e400", "Infinity", "Infinity"},
		{"\u00a012\ufeff", "12", "12"},
		{"0x", "NaN", "0"},
		{"1.5e-7", "1.5e-7", "1.5e-7"},
	}
	for _, tt := range tests {
		if got := FormatNumber(ToNumber(tt.in)); got != tt.number {
			t.Errorf("Number(%q) = %s, want %s", tt.in, got, tt.number)
		}
		if got := FormatNumber(ParseFloat(tt.in)); got != tt.parseFloat {
			t.Errorf("parseFloat(%q) = %s, want %s", tt.in, got, tt.parseFloat)
		}
	}
}

// Exports are read back by Newman, colrun and Postman: the entries keep
// what Newman 6.2.2's --export-environment writes for each value.
func TestExportedVariableJSON(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		in   ExportedVariable
		want string
	}{
		{"no value leaves value out", ExportedVariable{Key: "k", Value: Undefined{}, Type: "any", Enabled: true}, `{"key":"k","type":"any","enabled":true}`},
		{"null stays null", ExportedVariable{Key: "k", Value: nil, Type: "any", Enabled: true}, `{"key":"k","value":null,"type":"any","enabled":true}`},
		{"NaN is null", ExportedVariable{Key: "k", Value: math.NaN(), Type: "number", Enabled: true}, `{"key":"k","value":null,"type":"number","enabled":true}`},
		{"numbers as JavaScript holds them", ExportedVariable{Key: "k", Value: json.Number("1.0"), Type: "any", Enabled: true}, `{"key":"k","value":1,"type":"any","enabled":true}`},
		{"beyond 2^53", ExportedVariable{Key: "k", Value: json.Number("9007199254740993"), Type: "any", Enabled: true}, `{"key":"k","value":9007199254740992,"type":"any","enabled":true}`},
		{"exponent", ExportedVariable{Key: "k", Value: json.Number("1e21"), Type: "any", Enabled: true}, `{"key":"k","value":1e+21,"type":"any","enabled":true}`},
		{"disabled says so", ExportedVariable{Key: "k", Value: "v", Type: "any"}, `{"key":"k","value":"v","type":"any","enabled":false,"disabled":true}`},
	}
	for _, tt := range tests {
		got, err := json.Marshal(tt.in)
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if string(got) != tt.want {
			t.Errorf("%s: got %s, want %s", tt.name, got, tt.want)
		}
	}
}

// An export read back keeps disabled entries disabled and undefined values
// undefined, so that a run started from it is the run that wrote it.
func TestExportRoundTrip(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "env.json")
	in := []ExportedVariable{
		{Key: "off", Value: "x", Type: "any"},
		{Key: "unset", Value: Undefined{}, Type: "any", Enabled: true},
	}
	if err := WriteVariableFile(path, "", "e", "environment", "colrun/test", in); err != nil {
		t.Fatal(err)
	}
	env, err := LoadEnvironment(path)
	if err != nil {
		t.Fatal(err)
	}
	want := []Variable{{Key: "off", Value: "x", Type: "any", Disabled: true, DisabledAs: json.RawMessage(`true`)}, {Key: "unset", Value: Undefined{}, Type: "any"}}
	if diff := cmp.Diff(want, env.Values); diff != "" {
		t.Errorf("read back (-want +got):\n%s", diff)
	}
}

// An environment exported and read back keeps every entry, in order, with
// its key, its disabled flag and whether it had a value at all, whatever
// the file held.
func FuzzExportRoundTrip(f *testing.F) {
	f.Add([]byte(`{"values":[{"key":"a"},{"key":"b","value":null,"disabled":1},{"key":"a","value":1.0e400}]}`))
	f.Add([]byte(`{"values":[{"key":"n","type":"number","value":"x"},{"key":"o","value":{"a":[1,-0]}}]}`))
	f.Add([]byte(`{"k":"v","d":[1,2]}`))
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		env, err := ParseVariableFile("fuzz.json", "environment", data)
		if err != nil {
			return
		}
		for _, v := range env.Values {
			if !utf8.ValidString(v.Key) {
				return // JSON has no spelling for it; the writer puts U+FFFD
			}
		}
		out := make([]ExportedVariable, len(env.Values))
		for i, v := range env.Values {
			out[i] = ExportedVariable{Key: v.Key, Value: v.Value, Type: "any", Enabled: !v.Disabled}
		}
		path := filepath.Join(dir, "env.json")
		if err := WriteVariableFile(path, "", "e", "environment", "fuzz", out); err != nil {
			t.Fatal(err)
		}
		back, err := LoadEnvironment(path)
		if err != nil {
			t.Fatal(err)
		}
		shape := func(vs []Variable) []string {
			var s []string
			for _, v := range vs {
				_, undefined := v.Value.(Undefined)
				s = append(s, fmt.Sprintf("%q disabled=%v undefined=%v", v.Key, v.Disabled, undefined))
			}
			return s
		}
		if diff := cmp.Diff(shape(env.Values), shape(back.Values)); diff != "" {
			t.Errorf("read back (-written +read):\n%s", diff)
		}
	})
}

// CSV files are read as csv-parse 4 reads them with Newman 6.2.2's options
// (trim, relax); each want is the pm.iterationData.toObject() Newman
// printed for the file, per iteration, including the iteration Newman
// runs for every blank or whitespace-only line after the header, with
// {"a": ""} (only the first column; colrun skipped those lines).
func TestCSVFilesReadAsNewman(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, csv string
		want      []map[string]any
		wantErr   string
	}{
		{name: "quoted field keeps its CRLF", csv: "a,b\r\n\"x\r\ny\",2\r\n", want: []map[string]any{{"a": "x\r\ny", "b": json.Number("2")}}},
		{name: "quoted field keeps its LF", csv: "a,b\n\"x\ny\",2\n", want: []map[string]any{{"a": "x\ny", "b": json.Number("2")}}},
		{name: "old Mac line endings", csv: "a,b\r1,2\r", want: []map[string]any{{"a": json.Number("1"), "b": json.Number("2")}}},
		{name: "lone CR inside quotes on a Mac file", csv: "a,b\r\"x\ry\",2\r", want: []map[string]any{{"a": "x\ry", "b": json.Number("2")}}},
		{name: "quote inside an unquoted field is text", csv: "a,b\nx\"y,2\n", want: []map[string]any{{"a": `x"y`, "b": json.Number("2")}}},
		{name: "quotes inside an unquoted field after spaces", csv: "a,b\n x\"y\" ,2\n", want: []map[string]any{{"a": `x"y"`, "b": json.Number("2")}}},
		{name: "spaces after a closing quote", csv: "a,b\n\"x\" ,\"y\"  \n", want: []map[string]any{{"a": "x", "b": "y"}}},
		{name: "spaces inside quotes are kept", csv: "a,b\n\" x \",2\n", want: []map[string]any{{"a": " x ", "b": json.Number("2")}}},
		{name: "last line without a newline", csv: "a,b\n1,2", want: []map[string]any{{"a": json.Number("1"), "b": json.Number("2")}}},
		{name: "empty fields are a row", csv: "a,b\n1,2\n,\n", want: []map[string]any{{"a": json.Number("1"), "b": json.Number("2")}, {"a": "", "b": ""}}},
		{name: "trailing blank lines", csv: "a,b\n1,2\n\n\n", want: []map[string]any{{"a": json.Number("1"), "b": json.Number("2")}, {"a": ""}, {"a": ""}}},
		{name: "trailing blank CRLF lines", csv: "a,b\r\n1,2\r\n\r\n\r\n", want: []map[string]any{{"a": json.Number("1"), "b": json.Number("2")}, {"a": ""}, {"a": ""}}},
		{name: "BOM and a trailing whitespace-only line", csv: "\ufeffa,b\n1,2\n  \n", want: []map[string]any{{"a": json.Number("1"), "b": json.Number("2")}, {"a": ""}}},
		{name: "blank line between rows", csv: "a,b\n1,2\n\n3,4\n", want: []map[string]any{{"a": json.Number("1"), "b": json.Number("2")}, {"a": ""}, {"a": json.Number("3"), "b": json.Number("4")}}},
		// Newman takes a blank first line as a header of one empty name
		// ({"": "a"}, then {"": 1}), which no {{variable}} can read:
		// colrun skips blank lines before the header.
		{name: "blank line before the header", csv: "\na,b\n1,2\n", want: []map[string]any{{"a": json.Number("1"), "b": json.Number("2")}}},
		// Newman: "Invalid Closing Quote: found non trimable byte after quote at line 2".
		{name: "text after a closing quote", csv: "a,b\n\"x\"y,2\n", wantErr: `d.csv:2:4: CSV: 'y' after the closing quote of a quoted field (a quote inside quotes is written "")`},
		// Newman: "Quote Not Closed".
		{name: "quote never closed", csv: "a,b\n1,2\n\"x,2\n3,4\n", wantErr: `d.csv:3:1: CSV: the " opening a quoted field here is never closed`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			path := filepath.Join(t.TempDir(), "d.csv")
			if err := os.WriteFile(path, []byte(tt.csv), 0o644); err != nil {
				t.Fatal(err)
			}
			d, err := OpenData(path)
			if err != nil {
				t.Fatal(err)
			}
			defer d.Close()
			count, countErr := d.Count()
			got := []map[string]any{}
			for {
				row, err := d.Next()
				if errors.Is(err, io.EOF) {
					break
				}
				if err != nil {
					if tt.wantErr == "" || !strings.HasSuffix(err.Error(), tt.wantErr) {
						t.Fatalf("Next: %v, want error ending %q", err, tt.wantErr)
					}
					if countErr == nil || countErr.Error() != err.Error() {
						t.Errorf("Count: %v, want the same error as Next", countErr)
					}
					return
				}
				m := map[string]any{}
				for _, v := range row {
					m[v.Key] = v.Value
				}
				got = append(got, m)
			}
			if tt.wantErr != "" {
				t.Fatalf("no error, want %q", tt.wantErr)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("rows (-newman +colrun):\n%s", diff)
			}
			if countErr != nil || count != len(tt.want) {
				t.Errorf("Count = %d, %v; want %d", count, countErr, len(tt.want))
			}
		})
	}
}

// FuzzDataFile feeds arbitrary bytes to the data file reader, CSV and
// JSON alike: it must end every file with rows, io.EOF or an error, never
// a panic, and Count must agree with the rows Next returns.
func FuzzDataFile(f *testing.F) {
	for _, seed := range []string{
		"a,b\n1,2\n", "a,b\r\n\"x\r\ny\",2\r\n", "a,b\r1,2\r", "a,b\nx\"y,2\n", "a,b\n\"x\" ,\"y\"  \n",
		"\ufeffa,b\n1,2\n  \n", "a,b\n\"x\"y,2\n", "a,b\n1,2\n\"x,2\n", "a\n\n\n", `[{"a":1},{"b":null}]`, `[1]`, "",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, name := range []string{"d.csv", "d.json"} {
			path := filepath.Join(t.TempDir(), name)
			if err := os.WriteFile(path, data, 0o644); err != nil {
				t.Fatal(err)
			}
			d, err := OpenData(path)
			if err != nil {
				continue
			}
			count, countErr := d.Count()
			rows := 0
			var nextErr error
			for {
				_, err := d.Next()
				if err != nil {
					if !errors.Is(err, io.EOF) {
						nextErr = err
					}
					break
				}
				rows++
			}
			d.Close()
			if (countErr == nil) != (nextErr == nil) || count != rows {
				t.Errorf("%s: Count = %d, %v; Next gave %d rows, then %v", name, count, countErr, rows, nextErr)
			}
		}
	})
}
