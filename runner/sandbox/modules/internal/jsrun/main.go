package main

import (
	"fmt"
	"os"

	"github.com/colrun/colrun/runner/sandbox/modules"
	"github.com/dop251/goja"
)

func main() {
	src, _ := os.ReadFile(os.Args[1])
	rt := goja.New()
	reg := modules.NewRegistry(modules.Options{WorkingDir: "/tmp"})
	if err := reg.Enable(rt); err != nil {
		panic(err)
	}
	rt.Set("print", func(c goja.FunctionCall) goja.Value {
		args := []any{}
		for _, a := range c.Arguments {
			args = append(args, a.String())
		}
		fmt.Println(args...)
		return goja.Undefined()
	})
	_, err := rt.RunString(string(src))
	if err != nil {
		fmt.Println("ERROR:", err)
	}
}
