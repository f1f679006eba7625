package corpus

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestRunArgs(t *testing.T) {
	t.Parallel()
	dir := filepath.FromSlash("/corpus")
	in := func(name string) string { return filepath.Join(dir, name) }
	for _, tc := range []struct {
		args, want []string
	}{
		{nil, nil},
		{[]string{"-n", "2"}, []string{"-n", "2"}},
		{[]string{"-d", "x.csv", "-e", "e.json", "-g", "g.json"}, []string{"-d", in("x.csv"), "-e", in("e.json"), "-g", in("g.json")}},
		{[]string{"--iteration-data", "x.json", "--environment", "e.json", "--globals", "g.json"},
			[]string{"--iteration-data", in("x.json"), "--environment", in("e.json"), "--globals", in("g.json")}},
		// A variable's value is not a file, even when it looks like a flag.
		{[]string{"--env-var", "a=-d", "-n", "1"}, []string{"--env-var", "a=-d", "-n", "1"}},
		// A flag's value is not read as a flag.
		{[]string{"-d", "-e", "x"}, []string{"-d", in("-e"), "x"}},
		// A trailing flag has no file to resolve.
		{[]string{"-n", "1", "-d"}, []string{"-n", "1", "-d"}},
	} {
		e := Expectation{Args: tc.args}
		got := e.RunArgs(dir)
		if diff := cmp.Diff(tc.want, got); diff != "" {
			t.Errorf("RunArgs(%q) (-want +got):\n%s", tc.args, diff)
		}
		if len(tc.args) > 0 && &got[0] == &e.Args[0] {
			t.Errorf("RunArgs(%q) changed the expectation's own slice", tc.args)
		}
	}
}

func TestLoad(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if _, err := Load(dir); err == nil {
		t.Error("a directory without collections loaded")
	}
	for name, text := range map[string]string{
		"b.postman_collection.json": "{}",
		"a.postman_collection.json": "{}",
		"a.data.csv":                "x\n1\n",
		"expected.json":             `{"a": {"assertions": 2, "args": ["-d", "a.data.csv"]}, "gone": {"assertions": 1}}`,
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	c, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if !filepath.IsAbs(c.Dir) {
		t.Errorf("Dir %q is not absolute", c.Dir)
	}
	if diff := cmp.Diff([]string{"a", "b"}, c.Names); diff != "" {
		t.Errorf("Names (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"gone"}, c.Orphans()); diff != "" {
		t.Errorf("Orphans (-want +got):\n%s", diff)
	}
	if got, want := c.Expected["a"].Assertions, 2; got != want {
		t.Errorf("a: %d assertions, want %d", got, want)
	}
	if got, want := c.Collection("b"), filepath.Join(c.Dir, "b.postman_collection.json"); got != want {
		t.Errorf("Collection(b) = %q, want %q", got, want)
	}

	if err := os.WriteFile(filepath.Join(dir, "expected.json"), []byte("{"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Load(dir); err == nil {
		t.Error("a broken expected.json loaded")
	}
}
