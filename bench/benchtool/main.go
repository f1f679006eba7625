// Command benchtool is the helper behind bench/run.sh, the benchmark of
// issue 6 that compares colrun with Newman 6.2.2 and with a bare Go
// net/http client loop on the same loopback server.
//
// Usage:
//
//	benchtool serve [-addr 127.0.0.1:0] [-latency 0] [-lifetime 30m]
//	benchtool gen -dir DIR [-sizes 1,200,2000] [-rows 1000,100000] [-echo-requests 20]
//	benchtool bare -url URL [-n 2000] [-runs 5] [-out FILE]
//	benchtool measure -name NAME [-runs 5] [-warmup 1] [-timeout 3m] [-out FILE] -- cmd args...
//	benchtool assertions FILE
//	benchtool summarize -dir RESULTS [-json FILE]
//
// Everything it starts listens on or talks to 127.0.0.1 only, and every
// loop and server is bounded, so a forgotten process stops by itself.
package main

import (
	"fmt"
	"os"
)

const usage = `Usage: benchtool <command> [flags]

Commands:
  serve       serve a fixed JSON body on 127.0.0.1 and print its URL
  gen         write the benchmark collections and CSV data files
  bare        time a bare net/http client loop against a URL
  measure     run a command several times: median wall, CPU and peak RSS
  assertions  print the assertion counts of a Newman or colrun JSON report
  summarize   combine measure and bare results into tables and a JSON summary

Run "benchtool <command> -h" for a command's flags.
`

func main() {
	if len(os.Args) < 2 {
		fmt.Fprint(os.Stderr, usage)
		os.Exit(2)
	}
	cmds := map[string]func([]string) error{
		"serve":      serveCmd,
		"gen":        genCmd,
		"bare":       bareCmd,
		"measure":    measureCmd,
		"assertions": assertionsCmd,
		"summarize":  summarizeCmd,
	}
	name := os.Args[1]
	if name == "-h" || name == "--help" || name == "help" {
		fmt.Print(usage)
		return
	}
	cmd, ok := cmds[name]
	if !ok {
		fmt.Fprintf(os.Stderr, "benchtool: unknown command %q\n\n%s", name, usage)
		os.Exit(2)
	}
	if err := cmd(os.Args[2:]); err != nil {
		fmt.Fprintf(os.Stderr, "benchtool %s: %v\n", name, err)
		os.Exit(1)
	}
}
