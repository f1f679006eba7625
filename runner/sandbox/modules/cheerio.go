package modules

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/PuerkitoBio/goquery"
	"github.com/andybalholm/cascadia"
	"github.com/dop251/goja"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// require('cheerio') (and the global `cheerio`) is the part of cheerio
// 0.22's API that scripts use to read HTML responses, over goquery:
// js/cheerio.js holds the jQuery-like wrapper and this file parsing,
// selectors and serialisation. Elements handed to scripts (each's `el`,
// `$('li')[0]`) are objects shaped like cheerio's (type, name, attribs,
// data, children, parent, next, prev), one per node so identity holds.

// cheerioState is one runtime's parsed documents and element objects.
type cheerioState struct {
	rt    *goja.Runtime
	nodes map[*html.Node]*goja.Object
	// docs are the loaded documents' options and XML names, by root.
	docs map[*html.Node]*docInfo
	// proto is what nodeProto builds, once.
	proto *goja.Object
}

// docOf returns what was kept of the document n belongs to.
func (c *cheerioState) docOf(n *html.Node) *docInfo {
	for n.Parent != nil {
		n = n.Parent
	}
	return c.docs[n]
}

// parse parses markup with the options object opts of cheerio.load
// (xmlMode, decodeEntities).
func (c *cheerioState) parse(markup string, opts goja.Value) (*html.Node, error) {
	xmlMode, decode := false, true
	if o, ok := opts.(*goja.Object); ok {
		xmlMode = o.Get("xmlMode") != nil && o.Get("xmlMode").ToBoolean()
		if v := o.Get("decodeEntities"); v != nil && !goja.IsUndefined(v) {
			decode = v.ToBoolean()
		}
	}
	if xmlMode {
		root, info, err := parseXML(markup)
		if err != nil {
			return nil, err
		}
		info.decode = decode
		c.docs[root] = info
		return root, nil
	}
	markup, sections := setAsideSections(markup)
	root, err := parseHTML(markup)
	if err != nil {
		return nil, err
	}
	lowerHTMLNames(root)
	info := &docInfo{decode: decode}
	if sections != nil {
		restoreSections(root, sections, info)
	}
	c.docs[root] = info
	return root, nil
}

// nodeKey is the hidden property holding an element object's node.
const nodeKey = "\x00node"

// hasDocument matches markup that is a whole document, which is parsed
// as one; anything else is a fragment, as htmlparser2 (cheerio 0.22's
// parser) adds no html, head or body around it.
var hasDocument = regexp.MustCompile(`(?i)<(!doctype|html[\s>]|head[\s>]|body[\s>])`)

// parseHTML parses markup into a root node whose children are the top
// level nodes.
func parseHTML(markup string) (*html.Node, error) {
	if hasDocument.MatchString(markup) {
		return html.Parse(strings.NewReader(markup))
	}
	body := &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body}
	nodes, err := html.ParseFragment(strings.NewReader(markup), body)
	if err != nil {
		return nil, err
	}
	root := &html.Node{Type: html.DocumentNode}
	for _, n := range nodes {
		root.AppendChild(n)
	}
	return root, nil
}

// nodeType names a node as domhandler (cheerio 0.22's DOM) does.
func nodeType(n *html.Node) string {
	switch n.Type {
	case html.DocumentNode:
		return "root"
	case html.TextNode:
		return "text"
	case html.CommentNode:
		return "comment"
	case html.DoctypeNode:
		return "directive"
	}
	switch n.Data {
	case "script":
		return "script"
	case "style":
		return "style"
	}
	return "tag"
}

// object returns the element object for n, creating it once.
func (c *cheerioState) object(n *html.Node) goja.Value {
	if n == nil {
		return goja.Null()
	}
	if o := c.nodes[n]; o != nil {
		return o
	}
	rt := c.rt
	o := rt.NewObject()
	c.nodes[n] = o
	_ = o.DefineDataProperty(nodeKey, rt.ToValue(n), goja.FLAG_FALSE, goja.FLAG_FALSE, goja.FLAG_FALSE)
	switch n.Type {
	case html.TextNode, html.CommentNode:
		// domhandler makes text and comments {data, type}, in that order.
		_ = o.Set("data", n.Data)
	case html.DoctypeNode:
		// and directives {name, data, type}, without children.
		name, data := c.docOf(n).directive(n)
		_ = o.Set("name", name)
		_ = o.Set("data", data)
	}
	_ = o.Set("type", nodeType(n))
	switch n.Type {
	case html.ElementNode:
		doc := c.docOf(n)
		_ = o.Set("name", doc.name(n))
		attribs := rt.NewObject()
		for i, a := range n.Attr {
			_ = attribs.Set(doc.attrKey(n, i), a.Val)
		}
		_ = o.Set("attribs", attribs)
	case html.DocumentNode:
		_ = o.Set("name", "root")
	}
	// Links are read lazily: building the whole tree of objects up front
	// would cost every script that only wants one title.
	link := func(name string, get func() goja.Value) {
		_ = o.DefineAccessorProperty(name, rt.ToValue(func(goja.FunctionCall) goja.Value { return get() }), nil,
			goja.FLAG_FALSE, goja.FLAG_TRUE)
	}
	// In domhandler's order, which Object.keys shows; text, comments and
	// directives have no children.
	if n.Type != html.TextNode && n.Type != html.CommentNode && n.Type != html.DoctypeNode {
		link("children", func() goja.Value {
			var kids []any
			for k := n.FirstChild; k != nil; k = k.NextSibling {
				kids = append(kids, c.object(k))
			}
			return rt.NewArray(kids...)
		})
	}
	link("next", func() goja.Value { return c.object(n.NextSibling) })
	link("prev", func() goja.Value { return c.object(n.PrevSibling) })
	if n.Parent != nil && n.Parent.Type == html.DocumentNode {
		// cheerio 0.22 gives a document's top-level nodes no parent and
		// their document as root: $('#top').parent() is empty and
		// el.parentNode null.
		link("parent", goja.Null)
		link("root", func() goja.Value { return c.object(n.Parent) })
	} else {
		link("parent", func() goja.Value { return c.object(n.Parent) })
	}
	o.SetPrototype(c.nodeProto())
	return o
}

// nodeProto is the prototype of every node object: the DOM Level 1 names
// cheerio 0.22's nodes also answer to (domhandler's withDomLvl1), read
// from the node's own fields, so scraping code written for the browser
// (el.tagName, el.firstChild.nodeValue) works. As in domhandler,
// firstChild, lastChild and nodeType are enumerable (for..in lists them)
// and the names standing for a field are not.
func (c *cheerioState) nodeProto() *goja.Object {
	if c.proto != nil {
		return c.proto
	}
	rt := c.rt
	p := rt.NewObject()
	get := func(name string, f func(o *goja.Object) goja.Value) {
		enumerable := goja.FLAG_FALSE
		if name == "firstChild" || name == "lastChild" || name == "nodeType" {
			enumerable = goja.FLAG_TRUE
		}
		_ = p.DefineAccessorProperty(name, rt.ToValue(func(call goja.FunctionCall) goja.Value {
			o, ok := call.This.(*goja.Object)
			if !ok {
				return goja.Null()
			}
			return f(o)
		}), nil, goja.FLAG_TRUE, enumerable)
	}
	orNull := func(v goja.Value) goja.Value {
		if v == nil || !v.ToBoolean() {
			return goja.Null()
		}
		return v
	}
	for name, field := range map[string]string{"tagName": "name", "childNodes": "children", "parentNode": "parent",
		"previousSibling": "prev", "nextSibling": "next", "nodeValue": "data"} {
		get(name, func(o *goja.Object) goja.Value { return orNull(o.Get(field)) })
	}
	child := func(last bool) func(o *goja.Object) goja.Value {
		return func(o *goja.Object) goja.Value {
			kids, ok := o.Get("children").(*goja.Object)
			if !ok {
				return goja.Null()
			}
			i := int64(0)
			if last {
				i = kids.Get("length").ToInteger() - 1
			}
			return orNull(kids.Get(strconv.FormatInt(i, 10)))
		}
	}
	get("firstChild", child(false))
	get("lastChild", child(true))
	get("nodeType", func(o *goja.Object) goja.Value {
		switch o.Get("type").String() {
		case "text":
			return rt.ToValue(3)
		case "cdata":
			return rt.ToValue(4)
		case "comment":
			return rt.ToValue(8)
		}
		return rt.ToValue(1)
	})
	c.proto = p
	return p
}

// nodesOf reads the nodes of a JS array of element objects, skipping
// anything else (map() results can hold plain values).
func (c *cheerioState) nodesOf(v goja.Value) []*html.Node {
	obj, ok := v.(*goja.Object)
	if !ok {
		return nil
	}
	var out []*html.Node
	n := int(obj.Get("length").ToInteger())
	for i := 0; i < n; i++ {
		eo, ok := obj.Get(strconv.Itoa(i)).(*goja.Object)
		if !ok {
			continue
		}
		if h, ok := eo.Get(nodeKey).Export().(*html.Node); ok {
			out = append(out, h)
		}
	}
	return out
}

// selection makes a goquery selection of nodes (of any documents).
func selection(nodes []*html.Node) *goquery.Selection {
	return (&goquery.Selection{}).AddNodes(nodes...)
}

// array returns a selection's nodes as element objects.
func (c *cheerioState) array(s *goquery.Selection) goja.Value {
	out := make([]any, len(s.Nodes))
	for i, n := range s.Nodes {
		out[i] = c.object(n)
	}
	return c.rt.NewArray(out...)
}

// cheerioNatives is the Go half of js/cheerio.js.
func cheerioNatives(st *runtimeState) *goja.Object {
	rt := st.rt
	c := &cheerioState{rt: rt, nodes: map[*html.Node]*goja.Object{}, docs: map[*html.Node]*docInfo{}}
	o := rt.NewObject()
	fn := func(name string, f func(call goja.FunctionCall) goja.Value) { _ = o.Set(name, f) }
	// compile checks a selector up front so a bad one throws, as in
	// cheerio, rather than matching nothing.
	matcher := func(v goja.Value) goquery.Matcher {
		m, err := compileMatcher(v.String())
		if err != nil {
			panic(selectorError(rt, err))
		}
		return m
	}
	optionalMatch := func(s *goquery.Selection, v goja.Value) *goquery.Selection {
		if v == nil || goja.IsUndefined(v) || goja.IsNull(v) {
			return s
		}
		return s.FilterMatcher(matcher(v))
	}
	c.manipulationNatives(o)
	fn("load", func(call goja.FunctionCall) goja.Value {
		root, err := c.parse(call.Argument(0).String(), call.Argument(1))
		if err != nil {
			panic(rt.NewGoError(err))
		}
		return c.object(root)
	})
	fn("parse", func(call goja.FunctionCall) goja.Value {
		root, err := c.parse(call.Argument(0).String(), call.Argument(1))
		if err != nil {
			panic(rt.NewGoError(err))
		}
		var kids []*html.Node
		for k := root.FirstChild; k != nil; k = k.NextSibling {
			kids = append(kids, k)
		}
		return c.array(selection(kids))
	})
	fn("find", func(call goja.FunctionCall) goja.Value {
		return c.array(selection(c.nodesOf(call.Argument(0))).FindMatcher(matcher(call.Argument(1))))
	})
	fn("filter", func(call goja.FunctionCall) goja.Value {
		return c.array(selection(c.nodesOf(call.Argument(0))).FilterMatcher(matcher(call.Argument(1))))
	})
	fn("is", func(call goja.FunctionCall) goja.Value {
		return rt.ToValue(selection(c.nodesOf(call.Argument(0))).IsMatcher(matcher(call.Argument(1))))
	})
	fn("children", func(call goja.FunctionCall) goja.Value {
		return c.array(optionalMatch(selection(c.nodesOf(call.Argument(0))).Children(), call.Argument(1)))
	})
	fn("contents", func(call goja.FunctionCall) goja.Value {
		return c.array(selection(c.nodesOf(call.Argument(0))).Contents())
	})
	fn("parent", func(call goja.FunctionCall) goja.Value {
		s := selection(c.nodesOf(call.Argument(0))).Parent()
		s = s.FilterFunction(func(_ int, p *goquery.Selection) bool { return p.Nodes[0].Type == html.ElementNode })
		return c.array(optionalMatch(s, call.Argument(1)))
	})
	fn("parents", func(call goja.FunctionCall) goja.Value {
		s := selection(c.nodesOf(call.Argument(0))).Parents()
		return c.array(optionalMatch(s, call.Argument(1)))
	})
	fn("closest", func(call goja.FunctionCall) goja.Value {
		return c.array(selection(c.nodesOf(call.Argument(0))).ClosestMatcher(matcher(call.Argument(1))))
	})
	fn("next", func(call goja.FunctionCall) goja.Value {
		return c.array(optionalMatch(selection(c.nodesOf(call.Argument(0))).Next(), call.Argument(1)))
	})
	fn("prev", func(call goja.FunctionCall) goja.Value {
		return c.array(optionalMatch(selection(c.nodesOf(call.Argument(0))).Prev(), call.Argument(1)))
	})
	fn("siblings", func(call goja.FunctionCall) goja.Value {
		// cheerio 0.22's: the element children of the selection's parents
		// that are not in the selection, so top-level nodes have none.
		nodes := c.nodesOf(call.Argument(0))
		own := selection(nodes)
		s := own.Parent().FilterFunction(func(_ int, p *goquery.Selection) bool { return p.Nodes[0].Type == html.ElementNode })
		s = s.Children().FilterFunction(func(_ int, k *goquery.Selection) bool { return !slices.Contains(nodes, k.Nodes[0]) })
		return c.array(optionalMatch(s, call.Argument(1)))
	})
	fn("text", func(call goja.FunctionCall) goja.Value {
		return rt.ToValue(selection(c.nodesOf(call.Argument(0))).Text())
	})
	fn("html", func(call goja.FunctionCall) goja.Value {
		var b strings.Builder
		for _, n := range c.nodesOf(call.Argument(0)) {
			doc := c.docOf(n)
			for k := n.FirstChild; k != nil; k = k.NextSibling {
				doc.render(&b, k, doc != nil && doc.xml)
			}
		}
		return rt.ToValue(b.String())
	})
	// outer writes the nodes themselves; in XML mode when the second
	// argument says so ($.xml()) or the document was loaded in it.
	fn("outer", func(call goja.FunctionCall) goja.Value {
		var b strings.Builder
		forceXML := call.Argument(1).ToBoolean()
		for _, n := range c.nodesOf(call.Argument(0)) {
			doc := c.docOf(n)
			doc.render(&b, n, forceXML || (doc != nil && doc.xml))
		}
		return rt.ToValue(b.String())
	})
	return o
}

// reBareAttrValue finds an attribute selector's unquoted value, such as
// the 5 of [data-n=5].
var reBareAttrValue = regexp.MustCompile(`(\[\s*[^\s~|^$*!=\]"']+\s*[~|^$*]?=\s*)(#?[\w\x{b0}-\x{ffff}-]+)(\s*(?:\s[iI])?\s*\])`)

// quoteAttrValues quotes the unquoted values of attribute selectors that
// css-what (cheerio's parser) takes and cascadia only takes when they are
// identifiers: [data-n=5], [id=#x].
func quoteAttrValues(sel string) string {
	if !strings.Contains(sel, "=") {
		return sel
	}
	return reBareAttrValue.ReplaceAllStringFunc(sel, func(m string) string {
		p := reBareAttrValue.FindStringSubmatch(m)
		return p[1] + strconv.Quote(p[2]) + p[3]
	})
}

// cssMatcher adapts a cascadia selector group to goquery's Matcher.
type cssMatcher struct{ g cascadia.SelectorGroup }

// Match reports whether n matches.
func (m cssMatcher) Match(n *html.Node) bool { return m.g.Match(n) }

// MatchAll returns n, if it matches, and its matching descendants.
func (m cssMatcher) MatchAll(n *html.Node) []*html.Node {
	var out []*html.Node
	if m.g.Match(n) {
		out = append(out, n)
	}
	return append(out, cascadia.QueryAll(n, m.g)...)
}

// Filter returns the nodes that match.
func (m cssMatcher) Filter(nodes []*html.Node) []*html.Node { return cascadia.Filter(nodes, m.g) }

// unknownPseudo finds the pseudo-class cascadia does not know in its
// error.
var unknownPseudo = regexp.MustCompile(`unknown pseudoclass(?: or pseudoelement)? :([\w-]+)`)

// selectorError is the SyntaxError css-select throws for a selector it
// cannot read, so scripts see cheerio's error rather than a Go one: an
// unknown pseudo-class (jQuery's :first, :eq()) is named as css-select
// names it.
func selectorError(rt *goja.Runtime, err error) *goja.Object {
	msg := err.Error()
	if m := unknownPseudo.FindStringSubmatch(msg); m != nil {
		msg = "unmatched pseudo-class :" + m[1]
	}
	obj, nerr := rt.New(rt.Get("SyntaxError"), rt.ToValue(msg))
	if nerr != nil {
		panic(rt.NewGoError(err))
	}
	return obj
}

// compileMatcher compiles a CSS selector; a bad one is an error, as in
// cheerio, rather than a selector that matches nothing.
func compileMatcher(sel string) (goquery.Matcher, error) {
	g, err := cascadia.ParseGroup(quoteAttrValues(sel))
	if err != nil {
		return nil, fmt.Errorf("cheerio: bad selector %q: %v", sel, err)
	}
	return cssMatcher{g}, nil
}
