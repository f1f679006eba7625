package event

import (
	"strings"

	"github.com/colrun/colrun/collections"
)

// Redacting returns a Handler that passes each event to next with every
// string and body run through mask first, so that no reporter (terminal,
// JSON or JUnit file) can write a secret the run handled: sign-in bodies,
// tokens in headers, values echoed back by a server, messages quoting them.
// Events are copied, never changed in place. Secrets become known during
// the run; while there is none (empty reports true), events pass through
// as they are, since masking them would only copy them.
func Redacting(next Handler, mask func(string) string, empty func() bool) Handler {
	return HandlerFunc(func(e Event) error {
		if empty() {
			return next.Handle(e)
		}
		return next.Handle(Redact(e, mask))
	})
}

// Redact returns a copy of e with mask applied to every string it holds.
func Redact(e Event, mask func(string) string) Event {
	bytes := func(b []byte) []byte {
		if len(b) == 0 {
			return b
		}
		return []byte(mask(string(b)))
	}
	description := func(d *collections.Description) *collections.Description {
		if d == nil || d.Literal {
			return d
		}
		m := mask(d.Content)
		if m == d.Content {
			return d
		}
		c := *d
		c.Content = m
		return &c
	}
	// cut masks a body of which only the start was kept (--max-kept-body):
	// with cutMark appended, the start of a secret at the cut is masked
	// too, as the mask masks it before a cut string's "…".
	cut := func(b []byte, whole bool) []byte {
		if whole || len(b) == 0 {
			return bytes(b)
		}
		m := mask(string(b) + cutMark)
		return []byte(strings.TrimSuffix(m, cutMark))
	}
	headers := func(hs []Header) []Header {
		if hs == nil {
			return nil
		}
		out := make([]Header, len(hs))
		for i, h := range hs {
			// A description resolves variables too, so it may hold a
			// secret; a server may put one in a header's name.
			out[i] = Header{Key: mask(h.Key), Value: mask(h.Value), System: h.System, Disabled: h.Disabled, Description: description(h.Description)}
		}
		return out
	}
	strs := func(ss []string) []string {
		if ss == nil {
			return nil
		}
		out := make([]string, len(ss))
		for i, s := range ss {
			out[i] = mask(s)
		}
		return out
	}
	switch {
	case e.RunStart != nil:
		c := *e.RunStart
		c.Collection.Description = mask(c.Collection.Description)
		c.Collection.DescriptionValue = description(c.Collection.DescriptionValue)
		e.RunStart = &c
	case e.Script != nil:
		c := *e.Script
		if c.Error != nil {
			se := *c.Error
			se.Message, se.Stack = mask(se.Message), mask(se.Stack)
			c.Error = &se
		}
		e.Script = &c
	case e.Console != nil:
		c := *e.Console
		c.Messages = strs(c.Messages)
		e.Console = &c
	case e.Request != nil:
		c := *e.Request
		c.Sent.URL = mask(c.Sent.URL)
		c.Sent.PostmanURL, c.Sent.Fragment = mask(c.Sent.PostmanURL), mask(c.Sent.Fragment)
		c.Sent.Headers = headers(c.Sent.Headers)
		c.Sent.Body = cut(c.Sent.Body, int64(len(c.Sent.Body)) >= c.Sent.BodySize)
		c.Sent.Spec = redactBody(c.Sent.Spec, mask)
		c.Sent.Auth = redactAuth(c.Sent.Auth, mask)
		c.Error, c.ErrorDetail = mask(c.Error), mask(c.ErrorDetail)
		if f := c.ErrorFields; f != nil {
			// The host comes from the URL, which may be built from
			// variables.
			nf := *f
			nf.Address, nf.Hostname = mask(f.Address), mask(f.Hostname)
			c.ErrorFields = &nf
		}
		if c.Resp != nil {
			r := *c.Resp
			// A server may echo anything into its reason phrase.
			r.Status = mask(r.Status)
			r.Headers = headers(r.Headers)
			r.Body = cut(r.Body, !r.Truncated)
			c.Resp = &r
		}
		if c.Redirs != nil {
			rs := make([]Redirected, len(c.Redirs))
			for i, rd := range c.Redirs {
				rs[i] = Redirected{Status: rd.Status, URL: mask(rd.URL)}
			}
			c.Redirs = rs
		}
		e.Request = &c
	case e.Assertion != nil:
		c := *e.Assertion
		c.Name = mask(c.Name)
		if c.Error != nil {
			ae := *c.Error
			ae.Message, ae.Stack = mask(ae.Message), mask(ae.Stack)
			c.Error = &ae
		}
		e.Assertion = &c
	case e.RunEnd != nil:
		c := *e.RunEnd
		c.Error = mask(c.Error)
		e.RunEnd = &c
	case e.Warning != nil:
		c := *e.Warning
		c.Message = mask(c.Message)
		e.Warning = &c
	}
	return e
}

// cutMark is appended to a cut body before masking: auth.Redactor masks
// the start of a secret just before it, and it is removed again after.
const cutMark = "\u2026"

// redactBody returns a copy of b with mask applied to every string a
// report shows of it: a sign-in body's definition holds the password.
func redactBody(b *collections.Body, mask func(string) string) *collections.Body {
	if b == nil {
		return nil
	}
	c := b.Clone()
	c.Raw = mask(c.Raw)
	for _, ps := range [][]collections.FormParam{c.URLEncoded, c.FormData} {
		for i := range ps {
			ps[i].Key, ps[i].Value = mask(ps[i].Key), mask(ps[i].Value)
			for j := range ps[i].Src {
				ps[i].Src[j] = mask(ps[i].Src[j])
			}
		}
	}
	if c.File != nil {
		c.File.Src, c.File.Content = mask(c.File.Src), mask(c.File.Content)
	}
	if c.GraphQL != nil {
		c.GraphQL.Query, c.GraphQL.Variables = mask(c.GraphQL.Query), mask(c.GraphQL.Variables)
		c.GraphQL.OperationName = mask(c.GraphQL.OperationName)
	}
	return c
}

// redactAuth returns a copy of a with mask applied to its parameters'
// keys and text values: variables resolve into them, a Tableau password
// into a basic auth's.
func redactAuth(a *collections.Auth, mask func(string) string) *collections.Auth {
	if a == nil {
		return nil
	}
	c := a.Clone()
	params := [][]collections.AuthParam{c.Params}
	for _, o := range c.Other {
		params = append(params, o.Params)
	}
	for _, ps := range params {
		for i, p := range ps {
			ps[i].Key = mask(p.Key)
			if s, ok := p.Value.(string); ok {
				ps[i].Value = mask(s)
			}
		}
	}
	return c
}
