package modules

import (
	"strings"

	"github.com/dop251/goja"
	"golang.org/x/net/html"
)

// cheerio 0.22's manipulation API (attr and class setters, text and html
// setters, append/prepend/before/after/replaceWith, remove, empty): the
// JS side keeps each element object's attribs as cheerio does and hands
// them here (syncAttrs), and the tree changes here, so that selectors and
// serialising see what the script did.

// syncAttrs makes the attributes of the element behind el those of its
// attribs object, in its key order.
func (c *cheerioState) syncAttrs(el *goja.Object) {
	n, ok := el.Get(nodeKey).Export().(*html.Node)
	if !ok || n.Type != html.ElementNode {
		return
	}
	attribs, ok := el.Get("attribs").(*goja.Object)
	if !ok {
		return
	}
	doc := c.docOf(n)
	keys := attribs.Keys()
	n.Attr = n.Attr[:0]
	for _, k := range keys {
		key := k
		if doc != nil && doc.xml {
			key = strings.ToLower(k)
		}
		n.Attr = append(n.Attr, html.Attribute{Key: key, Val: attribs.Get(k).String()})
	}
	if doc != nil && doc.xml {
		doc.attrs[n] = keys
	}
}

// fragment parses markup as content for the document of target: HTML, or
// XML whose names the target's document then keeps.
func (c *cheerioState) fragment(markup string, target *html.Node) ([]*html.Node, error) {
	doc := c.docOf(target)
	var root *html.Node
	if doc != nil && doc.xml {
		r, info, err := parseXML(markup)
		if err != nil {
			return nil, err
		}
		for k, v := range info.names {
			doc.names[k] = v
		}
		for k, v := range info.attrs {
			doc.attrs[k] = v
		}
		for k, v := range info.cdata {
			doc.cdata[k] = v
		}
		for k, v := range info.raw {
			doc.raw[k] = v
		}
		root = r
	} else {
		r, err := parseHTML(markup)
		if err != nil {
			return nil, err
		}
		lowerHTMLNames(r)
		root = r
	}
	var out []*html.Node
	for k := root.FirstChild; k != nil; {
		next := k.NextSibling
		root.RemoveChild(k)
		out = append(out, k)
		k = next
	}
	return out, nil
}

// cloneNode copies n and its subtree, with the XML names of its document.
func (c *cheerioState) cloneNode(n *html.Node, doc *docInfo) *html.Node {
	m := &html.Node{Type: n.Type, DataAtom: n.DataAtom, Data: n.Data, Namespace: n.Namespace, Attr: append([]html.Attribute(nil), n.Attr...)}
	if doc != nil && doc.xml {
		if name, ok := doc.names[n]; ok {
			doc.names[m] = name
		}
		if keys, ok := doc.attrs[n]; ok {
			doc.attrs[m] = keys
		}
		if doc.cdata[n] {
			doc.cdata[m] = true
		}
		if raw, ok := doc.raw[n]; ok {
			doc.raw[m] = raw
		}
	}
	for k := n.FirstChild; k != nil; k = k.NextSibling {
		m.AppendChild(c.cloneNode(k, doc))
	}
	return m
}

// detach takes n out of its tree.
func detach(n *html.Node) {
	if n.Parent != nil {
		n.Parent.RemoveChild(n)
	}
}

// insert puts content (markup, or element objects) where says relative to
// each target: "append", "prepend", "before", "after" or "replace". The
// given elements go to the last target and copies of them to the others,
// as in cheerio.
func (c *cheerioState) insert(targets []*html.Node, content goja.Value, where string) error {
	markup, isMarkup := content.Export().(string)
	given := c.nodesOf(content)
	if !isMarkup && given == nil {
		if obj, ok := content.(*goja.Object); ok {
			if n, ok := obj.Get(nodeKey).Export().(*html.Node); ok {
				given = []*html.Node{n}
			}
		}
	}
	for i, t := range targets {
		var nodes []*html.Node
		switch {
		case isMarkup:
			parsed, err := c.fragment(markup, t)
			if err != nil {
				return err
			}
			nodes = parsed
		case i == len(targets)-1:
			nodes = given
			for _, n := range nodes {
				detach(n)
			}
		default:
			doc := c.docOf(t)
			for _, n := range given {
				nodes = append(nodes, c.cloneNode(n, doc))
			}
		}
		switch where {
		case "append":
			for _, n := range nodes {
				t.AppendChild(n)
			}
		case "prepend":
			first := t.FirstChild
			for _, n := range nodes {
				t.InsertBefore(n, first)
			}
		case "before", "after", "replace":
			if t.Parent == nil {
				continue
			}
			ref := t
			if where == "after" {
				ref = t.NextSibling
			}
			for _, n := range nodes {
				t.Parent.InsertBefore(n, ref)
			}
			if where == "replace" {
				detach(t)
			}
		}
	}
	return nil
}

// empty removes n's children.
func empty(n *html.Node) {
	for k := n.FirstChild; k != nil; {
		next := k.NextSibling
		n.RemoveChild(k)
		k = next
	}
}

// manipulationNatives adds the Go half of cheerio's manipulation API to o.
func (c *cheerioState) manipulationNatives(o *goja.Object) {
	rt := c.rt
	fn := func(name string, f func(call goja.FunctionCall) goja.Value) { _ = o.Set(name, f) }
	fn("syncAttrs", func(call goja.FunctionCall) goja.Value {
		if el, ok := call.Argument(0).(*goja.Object); ok {
			c.syncAttrs(el)
		}
		return goja.Undefined()
	})
	fn("remove", func(call goja.FunctionCall) goja.Value {
		for _, n := range c.nodesOf(call.Argument(0)) {
			detach(n)
		}
		return goja.Undefined()
	})
	fn("empty", func(call goja.FunctionCall) goja.Value {
		for _, n := range c.nodesOf(call.Argument(0)) {
			empty(n)
		}
		return goja.Undefined()
	})
	fn("setText", func(call goja.FunctionCall) goja.Value {
		text := call.Argument(1).String()
		for _, n := range c.nodesOf(call.Argument(0)) {
			empty(n)
			n.AppendChild(&html.Node{Type: html.TextNode, Data: text})
		}
		return goja.Undefined()
	})
	fn("setHTML", func(call goja.FunctionCall) goja.Value {
		targets := c.nodesOf(call.Argument(0))
		for _, n := range targets {
			empty(n)
		}
		if err := c.insert(targets, call.Argument(1), "append"); err != nil {
			panic(rt.NewGoError(err))
		}
		return goja.Undefined()
	})
	fn("insert", func(call goja.FunctionCall) goja.Value {
		if err := c.insert(c.nodesOf(call.Argument(0)), call.Argument(1), call.Argument(2).String()); err != nil {
			panic(rt.NewGoError(err))
		}
		return goja.Undefined()
	})
}
