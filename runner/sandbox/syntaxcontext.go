package sandbox

import "strings"

// syntaxContext is what a light scan of a script's text up to a syntax
// error tells about where the error is, for V8's messages that depend on
// it: "missing ) after argument list" when a call's argument is complete
// and the next token is neither ',' nor ')', and the messages for a
// script that ends inside a comment, a template or a try block.
type syntaxContext struct {
	// open holds the brackets not yet closed, innermost last.
	open []openBracket
	// last is the kind of the last token: tokExprEnd for one that can end
	// an expression (a name, a literal, a closing bracket), tokOther for
	// an operator or keyword that cannot.
	last tokenKind
	// inComment, inTemplate: the text ends inside /* ... or `...`;
	// inTemplateExpr: inside a template's ${...}.
	inComment, inTemplate, inTemplateExpr bool
}

type tokenKind int

const (
	tokNone tokenKind = iota
	tokExprEnd
	tokOther
)

type openBracket struct {
	ch byte
	// call is set on a '(' that opens a call's (or new's) arguments.
	call bool
	// conditionals counts the '?' of a conditional not yet given its ':'
	// in the current argument.
	conditionals int
	// template is set on the '{' of a template's ${.
	template bool
}

// keywordsBeforeParen are the words after which a '(' is not a call.
var keywordsBeforeParen = map[string]bool{
	"if": true, "for": true, "while": true, "switch": true, "catch": true, "with": true, "return": true,
	"typeof": true, "void": true, "delete": true, "in": true, "of": true, "instanceof": true, "case": true,
	"do": true, "else": true, "throw": true, "yield": true, "await": true, "function": true,
}

// exprKeywords are the words that end an expression like a name.
var exprKeywords = map[string]bool{"this": true, "true": true, "false": true, "null": true, "undefined": true, "super": true}

// scanSyntax scans src (a prefix of a script, which parsed so far) as
// JavaScript tokens, enough to follow brackets, strings, templates,
// comments and regular expressions.
func scanSyntax(src string) syntaxContext {
	var c syntaxContext
	var prevWord, prevPrevWord string
	// templates holds, for each template being read, the depth of open
	// at which its ${ was opened.
	var templates []int
	i := 0
	word := func(w string) {
		prevPrevWord, prevWord = prevWord, w
	}
	inTemplateText := false
	for i < len(src) {
		if inTemplateText {
			switch {
			case src[i] == '\\':
				i += 2
			case src[i] == '`':
				inTemplateText = false
				c.last = tokExprEnd
				word("")
				i++
			case strings.HasPrefix(src[i:], "${"):
				inTemplateText = false
				c.open = append(c.open, openBracket{ch: '{', template: true})
				c.last = tokOther
				word("")
				i += 2
			default:
				i++
			}
			continue
		}
		ch := src[i]
		switch {
		case ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\v' || ch == '\f':
			i++
		case strings.HasPrefix(src[i:], "//"):
			for i < len(src) && src[i] != '\n' && src[i] != '\r' {
				i++
			}
		case strings.HasPrefix(src[i:], "/*"):
			end := strings.Index(src[i+2:], "*/")
			if end < 0 {
				c.inComment = true
				return c
			}
			i += end + 4
		case ch == '\'' || ch == '"':
			j := i + 1
			for j < len(src) && src[j] != ch && src[j] != '\n' {
				if src[j] == '\\' {
					j++
				}
				j++
			}
			i = j + 1
			c.last = tokExprEnd
			word("")
		case ch == '`':
			inTemplateText = true
			templates = append(templates, len(c.open))
			i++
		case ch == '/' && c.last != tokExprEnd:
			// A regular expression: to its unescaped closing '/' outside a
			// class, then its flags.
			j, class := i+1, false
			for j < len(src) && src[j] != '\n' {
				if src[j] == '\\' {
					j += 2
					continue
				}
				if src[j] == '[' {
					class = true
				} else if src[j] == ']' {
					class = false
				} else if src[j] == '/' && !class {
					break
				}
				j++
			}
			j++
			for j < len(src) && isIdentByte(src[j]) {
				j++
			}
			i = j
			c.last = tokExprEnd
			word("")
		case isIdentByte(ch):
			j := i
			for j < len(src) && isIdentByte(src[j]) {
				j++
			}
			w := src[i:j]
			if ch >= '0' && ch <= '9' || ch == '.' {
				c.last = tokExprEnd
				word("")
			} else {
				if keywordsBeforeParen[w] || w == "new" || w == "var" || w == "let" || w == "const" || w == "class" || w == "extends" || w == "else" {
					c.last = tokOther
				} else {
					c.last = tokExprEnd
				}
				if exprKeywords[w] {
					c.last = tokExprEnd
				}
				word(w)
			}
			i = j
		case ch == '(':
			call := c.last == tokExprEnd && !keywordsBeforeParen[prevWord] && prevPrevWord != "function"
			c.open = append(c.open, openBracket{ch: '(', call: call})
			c.last = tokOther
			word("")
			i++
		case ch == '[' || ch == '{':
			c.open = append(c.open, openBracket{ch: ch})
			c.last = tokOther
			word("")
			i++
		case ch == ')' || ch == ']' || ch == '}':
			if n := len(c.open); n > 0 {
				top := c.open[n-1]
				c.open = c.open[:n-1]
				if top.template && len(templates) > 0 {
					templates = templates[:len(templates)-1]
					inTemplateText = true
					i++
					continue
				}
			}
			c.last = tokExprEnd
			word("")
			i++
		case ch == '?':
			switch {
			case strings.HasPrefix(src[i:], "?."):
				i += 2
			case strings.HasPrefix(src[i:], "??"):
				i += 2
				c.last = tokOther
			default:
				if n := len(c.open); n > 0 {
					c.open[n-1].conditionals++
				}
				c.last = tokOther
				i++
			}
			word("")
		case ch == ':' || ch == ',':
			if n := len(c.open); n > 0 {
				if ch == ',' {
					c.open[n-1].conditionals = 0
				} else if c.open[n-1].conditionals > 0 {
					c.open[n-1].conditionals--
				}
			}
			c.last = tokOther
			word("")
			i++
		case ch == '.' && i+1 < len(src) && src[i+1] >= '0' && src[i+1] <= '9':
			j := i + 1
			for j < len(src) && isIdentByte(src[j]) {
				j++
			}
			i = j
			c.last = tokExprEnd
			word("")
		default:
			// Operators: ++ and -- after an operand leave it complete.
			if (strings.HasPrefix(src[i:], "++") || strings.HasPrefix(src[i:], "--")) && c.last == tokExprEnd {
				i += 2
				continue
			}
			c.last = tokOther
			word("")
			i++
		}
	}
	c.inTemplate = inTemplateText
	for _, o := range c.open {
		if o.template {
			c.inTemplateExpr = true
		}
	}
	return c
}

// missingParen reports whether V8 words a syntax error at the end of the
// scanned text "missing ) after argument list": inside a call's
// arguments, right after a complete argument.
func (c syntaxContext) missingParen() bool {
	n := len(c.open)
	return n > 0 && c.open[n-1].call && c.last == tokExprEnd && c.open[n-1].conditionals == 0
}
