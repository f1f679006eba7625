package modules

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/dop251/goja"
)

// resolve maps name, required from dir, to a file following Node's
// algorithm (file, file.js, file.json, dir/package.json main, dir/index.js;
// then node_modules in the explicit dirs and up from dir). Results,
// including misses, are cached for the process: node_modules does not
// change during a run, and a miss must not cost a filesystem walk per
// runtime.
func (r *Registry) resolve(dir, name string) string {
	key := dir + "\x00" + name
	r.mu.Lock()
	p, ok := r.found[key]
	r.mu.Unlock()
	if ok {
		return p
	}
	if isPathLike(name) {
		target := name
		if !filepath.IsAbs(target) {
			target = filepath.Join(dir, filepath.FromSlash(name))
		}
		p = loadAsFileOrDir(target)
	} else {
		for _, d := range r.nodeModulesDirs(dir) {
			if p = loadAsFileOrDir(filepath.Join(d, filepath.FromSlash(name))); p != "" {
				break
			}
		}
	}
	r.mu.Lock()
	r.found[key] = p
	r.mu.Unlock()
	return p
}

// nodeModulesDirs lists where a bare name required from dir is looked
// for: the configured directories, then each node_modules from dir up.
func (r *Registry) nodeModulesDirs(dir string) []string {
	dirs := append([]string(nil), r.globalDirs...)
	for d := dir; ; {
		if filepath.Base(d) != "node_modules" {
			dirs = append(dirs, filepath.Join(d, "node_modules"))
		}
		parent := filepath.Dir(d)
		if parent == d {
			break
		}
		d = parent
	}
	return dirs
}

// isFile reports whether p is an existing regular file.
func isFile(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.Mode().IsRegular()
}

// loadAsFileOrDir applies Node's LOAD_AS_FILE then LOAD_AS_DIRECTORY.
func loadAsFileOrDir(p string) string {
	for _, c := range []string{p, p + ".js", p + ".json"} {
		if isFile(c) {
			return c
		}
	}
	if buf, err := os.ReadFile(filepath.Join(p, "package.json")); err == nil {
		var pkg struct {
			Main string `json:"main"`
		}
		if json.Unmarshal(buf, &pkg) == nil && pkg.Main != "" {
			m := filepath.Join(p, filepath.FromSlash(pkg.Main))
			for _, c := range []string{m, m + ".js", m + ".json", filepath.Join(m, "index.js"), filepath.Join(m, "index.json")} {
				if isFile(c) {
					return c
				}
			}
		}
	}
	for _, c := range []string{filepath.Join(p, "index.js"), filepath.Join(p, "index.json")} {
		if isFile(c) {
			return c
		}
	}
	return ""
}

// program returns the compiled CommonJS wrapper of the file at p,
// compiling it on first use in the process.
func (r *Registry) program(p string) (*goja.Program, error) {
	r.mu.Lock()
	prg := r.programs[p]
	r.mu.Unlock()
	if prg != nil {
		return prg, nil
	}
	buf, err := os.ReadFile(p)
	if err != nil {
		return nil, err
	}
	src := string(buf)
	if strings.HasPrefix(src, "#!") {
		// Keep the line count so error positions stay right.
		src = "//" + src
	}
	if strings.HasSuffix(p, ".json") {
		src = "module.exports = " + src
	}
	prg, err = goja.Compile(p, "(function (exports, require, module, __filename, __dirname) {"+src+"\n})", false)
	if err != nil {
		return nil, err
	}
	r.mu.Lock()
	if old := r.programs[p]; old != nil {
		prg = old
	} else {
		r.programs[p] = prg
	}
	r.mu.Unlock()
	return prg, nil
}

// loadFile evaluates the module at p once per runtime. The module is
// cached before it runs, as in Node, so circular requires see the partial
// exports instead of recursing forever.
func (st *runtimeState) loadFile(p string) goja.Value {
	if m := st.modules[p]; m != nil {
		return m.Get("exports")
	}
	prg, err := st.reg.program(p)
	if err != nil {
		panic(st.rt.NewGoError(fmt.Errorf("loading %s: %w", p, err)))
	}
	module := st.newModule(p)
	st.modules[p] = module
	ok := false
	defer func() {
		if !ok {
			delete(st.modules, p)
		}
	}()
	fnv, err := st.rt.RunProgram(prg)
	if err != nil {
		panic(err)
	}
	fn, _ := goja.AssertFunction(fnv)
	exports := module.Get("exports")
	dir := filepath.Dir(p)
	st.loading++
	defer func() { st.loading-- }()
	if _, err := fn(exports, exports, module.Get("require"), module, st.rt.ToValue(p), st.rt.ToValue(dir)); err != nil {
		panic(err)
	}
	ok = true
	return module.Get("exports")
}

// newModule creates a CommonJS module object for a file at p.
func (st *runtimeState) newModule(p string) *goja.Object {
	m := st.rt.NewObject()
	_ = m.Set("exports", st.rt.NewObject())
	_ = m.Set("id", p)
	_ = m.Set("filename", p)
	_ = m.Set("loaded", false)
	_ = m.Set("require", st.makeRequire(filepath.Dir(p), false))
	return m
}
