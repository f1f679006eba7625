package main

import (
	"errors"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/colrun/colrun/collections"
	"github.com/colrun/colrun/runner"
	"github.com/spf13/pflag"
)

// optionalValueFlags are Newman's flags whose value may be left out
// (commander's "[n]"): given bare, Newman's --delay-request and timeouts
// get true, which postman-runtime treats as no limit (and a delay of
// about a millisecond), so colrun reads a bare one as 0. --bail takes
// optional modifiers. Unlike Newman, a following word that is an
// existing file (or, after --bail, not a modifier) is not taken as the
// value, so "--bail collection.json" keeps the collection path; any other
// word is, so "--timeout-request soon" says what is wrong with "soon".
// Newman reads a reporter's export option bare too (its reporter options
// take the next word unless it starts with "-"): the report then goes to
// its default path, as colrun's empty value does. Those have no takes:
// their value is any word but a flag (isNotFlag).
var optionalValueFlags = map[string]struct {
	bare  string
	takes func(string) bool
}{
	"--bail":                  {"true", isBailModifiers},
	"--delay-request":         {"0", isValueWord},
	"--timeout":               {"0", isValueWord},
	"--timeout-request":       {"0", isValueWord},
	"--timeout-script":        {"0", isValueWord},
	"--reporter-json-export":  {"", nil},
	"--reporter-junit-export": {"", nil},
	"--reporter-export":       {"", nil},
}

// normalizeOptionalValues rewrites Newman's optional-value flags to the
// --flag=value form pflag reads. Everything after "--" is left alone.
//
// Newman's parseNestedOptions reads a reporter option's value as text
// and the reporters test it for truth, so a switch given any value is on
// ("--reporter-cli-no-summary=false" leaves the summary out, as does
// "--reporter-cli-no-summary false"), and a value starting with "-" is no
// value ("--reporter-json-export=-" and "--reporter-json-export -" write
// the report to its default path; the lone "-" is then an argument
// commander ignores). Newman takes any word after a switch as its value;
// colrun takes only a word strconv.ParseBool reads, so a collection
// after the switch stays the collection.
func normalizeOptionalValues(args []string) []string {
	out := make([]string, 0, len(args))
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			return append(out, args[i:]...)
		}
		if name, v, ok := strings.Cut(a, "="); ok {
			switch f, optional := optionalValueFlags[name]; {
			case isReporterSwitch(name):
				a = name + "=true"
			case optional && f.takes == nil && strings.HasPrefix(v, "-"):
				a = name + "="
			}
			out = append(out, a)
			continue
		}
		if isReporterSwitch(a) {
			if i+1 < len(args) && isBoolWord(args[i+1]) {
				i++
			}
			out = append(out, a+"=true")
			continue
		}
		f, ok := optionalValueFlags[a]
		if !ok {
			out = append(out, a)
			continue
		}
		takes := f.takes
		if takes == nil {
			takes = isNotFlag
		}
		if i+1 < len(args) && takes(args[i+1]) {
			out = append(out, a+"="+args[i+1])
			i++
			continue
		}
		if f.takes == nil && i+1 < len(args) && args[i+1] == "-" {
			i++
		}
		out = append(out, a+"="+f.bare)
	}
	return out
}

// isBoolWord reports whether s reads as a boolean value.
func isBoolWord(s string) bool {
	_, err := strconv.ParseBool(s)
	return err == nil
}

// isValueWord reports whether s, after a flag with an optional value, is
// that value: not another flag and not an existing file.
func isValueWord(s string) bool {
	if strings.HasPrefix(s, "-") && !isNumber(s) {
		return false
	}
	_, err := os.Stat(s)
	return err != nil
}

// isNotFlag reports whether s, after a reporter option, is its value, as
// Newman's parseNestedOptions decides: any word but a flag, an existing
// file included (a report path may name last run's report).
func isNotFlag(s string) bool { return !strings.HasPrefix(s, "-") }

func isNumber(s string) bool {
	_, err := strconv.ParseInt(s, 10, 64)
	return err == nil
}

func isBailModifiers(s string) bool {
	for _, m := range strings.Split(s, ",") {
		if m != "failure" && m != "folder" {
			return false
		}
	}
	return true
}

// bailFlag is --bail with Newman's optional modifiers: bare or "failure"
// stops the run at the first failure (postman-runtime's stopOnFailure);
// "folder" stops it at the first script or request error but not at a
// failed assertion (abortOnError), and would refuse an unknown --folder,
// which colrun always does.
type bailFlag struct{ stop, onError bool }

func (b *bailFlag) String() string { return strconv.FormatBool(b.stop) }

func (b *bailFlag) Set(s string) error {
	switch {
	case s == "true":
		b.stop, b.onError = true, false
	case s == "false":
		b.stop, b.onError = false, false
	case isBailModifiers(s):
		b.stop, b.onError = strings.Contains(s, "failure"), strings.Contains(s, "folder")
	default:
		return fmt.Errorf("want no value or failure, folder or failure,folder, got %q", s)
	}
	return nil
}

func (b *bailFlag) Type() string { return "[failure,folder]" }

// newmanFlags are Newman options colrun reads in its own file: file
// access, the cookie jar, client certificates and the Postman API key.
type newmanFlags struct {
	noInsecureFileRead  bool
	cookieJar           string
	exportCookieJar     string
	sslClientPassphrase string
	sslClientCertList   string
	postmanAPIKey       string
}

func (n *newmanFlags) register(fs *pflag.FlagSet) {
	fs.BoolVar(&n.noInsecureFileRead, "no-insecure-file-read", false, "refuse body and form-data files outside --working-dir (default: the current directory)")
	fs.StringVar(&n.cookieJar, "cookie-jar", "", "start with the cookies of this tough-cookie jar file (as --export-cookie-jar writes it)")
	fs.StringVar(&n.exportCookieJar, "export-cookie-jar", "", "write the final cookie jar to this file, as Newman does")
	fs.StringVar(&n.sslClientPassphrase, "ssl-client-passphrase", "", "passphrase of an encrypted --ssl-client-key")
	fs.StringVar(&n.sslClientCertList, "ssl-client-cert-list", "", "JSON list of client certificates per URL pattern ([{name, matches, key: {src}, cert: {src}, passphrase}]); --ssl-client-cert covers the URLs none matches")
	fs.StringVar(&n.postmanAPIKey, "postman-api-key", "", "Postman API key, to load a collection or environment given by its UID from the Postman API (visible to other users in process listings: prefer "+postmanAPIKeyEnv+")")
}

// apiKey is --postman-api-key, or else the environment's POSTMAN_API_KEY.
func (n *newmanFlags) apiKey(getenv func(string) string) string {
	if n.postmanAPIKey != "" {
		return n.postmanAPIKey
	}
	return getenv(postmanAPIKeyEnv)
}

// apply sets the run's options from the flags.
func (n *newmanFlags) apply(o *runner.Options) error {
	o.NoInsecureFileRead = n.noInsecureFileRead
	if n.sslClientPassphrase != "" && o.ClientCert == nil {
		// Newman ignores it; given alone it is most likely a mistake.
		return errors.New("--ssl-client-passphrase needs --ssl-client-cert and --ssl-client-key")
	}
	if n.cookieJar != "" {
		cookies, err := runner.ReadCookieJar("--cookie-jar", n.cookieJar)
		if err != nil {
			return err
		}
		o.Cookies = cookies
	}
	if n.sslClientCertList != "" {
		list, err := loadCertList(n.sslClientCertList, o.WorkingDir)
		if err != nil {
			return err
		}
		if o.ClientCert != nil {
			list.addFallback(o.ClientCert)
			o.ClientCert = nil
		}
		o.ClientCertFor = list.pick
	}
	return nil
}

// exportCookieJarTarget is where --export-cookie-jar writes.
func (n *newmanFlags) exportCookieJarTarget() exportTarget {
	return exportTarget{flag: "export-cookie-jar", path: n.exportCookieJar, item: "cookie-jar"}
}

// writeCookieJar writes the run's final jar for --export-cookie-jar,
// masking every secret the redactor knows in the cookies' values.
func (n *newmanFlags) writeCookieJar(res *runner.Result, redact func(string) string) error {
	if n.exportCookieJar == "" {
		return nil
	}
	cookies := slices.Clone(res.Cookies)
	for i := range cookies {
		cookies[i].Value = redact(cookies[i].Value)
	}
	data, err := runner.MarshalCookieJar(cookies)
	if err == nil {
		err = collections.WriteFileAtomic(n.exportCookieJarTarget().resolve(time.Now()), data)
	}
	if err != nil {
		return fmt.Errorf("--export-cookie-jar: %w", err)
	}
	return nil
}

// keyValues reads --env-var and --global-var values as Newman does: the
// name ends at the first "=", and a value without one defines the
// variable with no value (undefined to scripts, "" in {{name}}),
// overriding the file's. Newman refuses nothing here, not even an empty
// name ({{}} resolves to it), so neither does colrun.
func keyValues(kvs []string) []collections.Variable {
	var out []collections.Variable
	for _, kv := range kvs {
		k, v, ok := strings.Cut(kv, "=")
		var value any = v
		if !ok {
			value = collections.Undefined{}
		}
		out = append(out, collections.Variable{Key: k, Value: value})
	}
	return out
}
