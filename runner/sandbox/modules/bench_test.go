package modules

import (
	"testing"

	"github.com/dop251/goja"
)

// BenchmarkRequireLodashFirstUse is the cost a run pays the first time a
// script touches lodash: a fresh runtime, Enable, and require('lodash')
// (the program itself is compiled once per process, before the loop).
func BenchmarkRequireLodashFirstUse(b *testing.B) {
	reg := NewRegistry(Options{WorkingDir: b.TempDir()})
	prg := goja.MustCompile("bench", `require('lodash').get({a: 1}, 'a')`, false)
	b.ReportAllocs()
	for b.Loop() {
		rt := goja.New()
		if err := reg.Enable(rt); err != nil {
			b.Fatal(err)
		}
		if _, err := rt.RunProgram(prg); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEnable is the per-runtime cost of require() and the lazy
// globals when no script uses them.
func BenchmarkEnable(b *testing.B) {
	reg := NewRegistry(Options{WorkingDir: b.TempDir()})
	b.ReportAllocs()
	for b.Loop() {
		if err := reg.Enable(goja.New()); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCryptoJSHmacSHA256 is the typical request-signing call.
func BenchmarkCryptoJSHmacSHA256(b *testing.B) {
	rt := goja.New()
	if err := NewRegistry(Options{WorkingDir: b.TempDir()}).Enable(rt); err != nil {
		b.Fatal(err)
	}
	prg := goja.MustCompile("bench", `CryptoJS.HmacSHA256('GET\n/api/v1/items\n1700000000', 'secret-key').toString(CryptoJS.enc.Base64)`, false)
	if _, err := rt.RunProgram(prg); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := rt.RunProgram(prg); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkXML2JS parses a sign-in response as Postman's xml2Json does.
func BenchmarkXML2JS(b *testing.B) {
	rt := goja.New()
	doc := `<?xml version="1.0" encoding="UTF-8"?><tsResponse xmlns="http://tableau.com/api"><credentials token="abc"><site id="s1" contentUrl=""/><user id="u1"/></credentials></tsResponse>`
	b.ReportAllocs()
	for b.Loop() {
		if _, err := XML2JS(rt, doc, PostmanXML2JSONOptions()); err != nil {
			b.Fatal(err)
		}
	}
}
