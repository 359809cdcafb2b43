package schematron

import (
	"slices"
	"strings"
)

type axis uint8

const (
	axChild axis = iota
	axAttr
	axSelf
	axParent
	axAncestor
	axAncestorOrSelf
	axDesc
	axDescOrSelf
	axPreceding
	axFollowing
	axPrecSibling
	axFollSibling
)

type nodeTest struct {
	any      bool   // node(), *, text()
	elemOnly bool   // * or prefix:*: elements only (not the document node)
	text     bool   // text(): never matches, the engine keeps no text nodes
	prefix   string // "ram:" for ram:*
	name     string
	names    []string // (a|b): any of these names (see fuse)
}

func (t nodeTest) matchNode(n *Node) bool {
	switch {
	case t.text:
		return false
	case t.any:
		return !t.elemOnly || n.Parent != nil
	case t.prefix != "":
		return n.Parent != nil && strings.HasPrefix(n.Name, t.prefix)
	case t.names != nil:
		return slices.Contains(t.names, n.Name)
	}
	return n.Name == t.name
}

func (t nodeTest) matchAttr(name string) bool {
	switch {
	case t.text:
		return false
	case t.any:
		return true
	case t.prefix != "":
		return strings.HasPrefix(name, t.prefix)
	}
	return name == t.name
}

type step interface {
	apply(c *ctx, in seq) seq
	addPred(expr)
}

type axisStep struct {
	axis  axis
	test  nodeTest
	preds []expr
}

type filterStep struct {
	primary expr
	preds   []expr
}

func (s *axisStep) addPred(e expr)   { s.preds = append(s.preds, e) }
func (s *filterStep) addPred(e expr) { s.preds = append(s.preds, e) }

func descOrSelf() step { return &axisStep{axis: axDescOrSelf, test: nodeTest{any: true}} }

type pathExpr struct {
	abs      bool
	pure     bool // absolute, without variables: evaluated once per document
	isSimple bool // see simple
	steps    []step
}

// fuse turns descendant-or-self::node()/child::x into descendant::x where
// no predicate depends on positions among siblings, which is what the
// rules' // paths are; and marks //x from the root for the name index.
func (p *pathExpr) fuse() {
	var out []step
	for i, s := range p.steps {
		if names := unionOfNames(s); names != nil {
			p.steps[i] = &axisStep{axis: axChild, test: nodeTest{names: names}}
		}
	}
	for i := 0; i < len(p.steps); i++ {
		s, ok := p.steps[i].(*axisStep)
		if ok && s.axis == axDescOrSelf && s.test.any && len(s.preds) == 0 && i+1 < len(p.steps) {
			if n, ok := p.steps[i+1].(*axisStep); ok && n.axis == axChild && !positional(n.preds) {
				out = append(out, &axisStep{axis: axDesc, test: n.test, preds: n.preds})
				i++
				continue
			}
		}
		out = append(out, p.steps[i])
	}
	p.steps = out
	p.isSimple = p.simple()
}

// positional reports whether a predicate may select by position: any
// predicate but a comparison, a boolean combination or a function call
// known to return a boolean.
func positional(preds []expr) bool {
	for _, e := range preds {
		switch x := e.(type) {
		case cmpExpr, andExpr, orExpr, quantExpr:
		case *callExpr:
			switch x.name {
			case "not", "exists", "empty", "boolean", "contains", "starts-with", "ends-with", "matches", "true", "false":
			default:
				return true
			}
		case *pathExpr:
		default:
			return true
		}
	}
	return false
}

func (p *pathExpr) eval(c *ctx) seq {
	if p.pure {
		if v, ok := c.doc.memo[p]; ok {
			return v
		}
		v := p.evalPath(c)
		if c.doc.memo == nil {
			c.doc.memo = make(map[*pathExpr]seq)
		}
		c.doc.memo[p] = v
		return v
	}
	return p.evalPath(c)
}

// unionOfNames returns the names of a step (a|b|...) whose alternatives
// are each one child step with a name test and no predicate, which
// selects what child::a or child::b selects, in document order; nil for
// any other step.
func unionOfNames(s step) []string {
	f, ok := s.(*filterStep)
	if !ok || len(f.preds) > 0 {
		return nil
	}
	pe, ok := f.primary.(parenExpr)
	if !ok {
		return nil
	}
	u, ok := pe.e.(unionExpr)
	if !ok {
		return nil
	}
	var names []string
	for _, alt := range u {
		p, ok := alt.(*pathExpr)
		if !ok || p.abs || len(p.steps) != 1 {
			return nil
		}
		a, ok := p.steps[0].(*axisStep)
		if !ok || a.axis != axChild || len(a.preds) > 0 || a.test.name == "" {
			return nil
		}
		names = append(names, a.test.name)
	}
	return names
}

func (p *pathExpr) evalPath(c *ctx) seq {
	var cur seq
	steps := p.steps
	if p.abs {
		cur = seq{nodeItem(c.doc.Root)}
		// //@name: the attributes of every element, in document order.
		if len(steps) == 2 {
			d, ok1 := steps[0].(*axisStep)
			a, ok2 := steps[1].(*axisStep)
			if ok1 && ok2 && d.axis == axDescOrSelf && d.test.any && len(d.preds) == 0 && a.axis == axAttr && len(a.preds) == 0 {
				var out seq
				c.doc.work += len(c.doc.nodes)
				for _, n := range c.doc.nodes {
					for i := range n.Attrs {
						if a.test.matchAttr(n.Attrs[i].Name) {
							out = append(out, item{k: kAttr, n: n, a: i})
						}
					}
				}
				return out
			}
		}
		// //name from the root: the name index.
		if len(steps) > 0 {
			if s, ok := steps[0].(*axisStep); ok && s.axis == axDesc && s.test.name != "" {
				var out seq
				for _, n := range c.doc.byName[s.test.name] {
					out = append(out, nodeItem(n))
				}
				cur = filter(c, out, s.preds)
				steps = steps[1:]
			}
		}
	} else {
		cur = seq{c.item}
	}
	for _, s := range steps {
		cur = s.apply(c, cur)
		if len(cur) == 0 {
			return nil
		}
	}
	return cur
}

func (s *filterStep) apply(c *ctx, in seq) seq {
	var out seq
	nodes := true
	for i, it := range in {
		r := filter(c, s.primary.eval(c.with(it, i+1, len(in))), s.preds)
		for _, x := range r {
			if !x.isNode() {
				nodes = false
			}
		}
		out = append(out, r...)
	}
	if nodes && len(in) > 1 {
		out = sortDedup(out)
	}
	return out
}

func (s *axisStep) apply(c *ctx, in seq) seq {
	var out seq
	for _, it := range in {
		if it.k != kNode {
			continue // attributes and atomic values have no children here
		}
		out = append(out, filter(c, s.candidates(c, it.n), s.preds)...)
	}
	if len(in) > 1 || s.axis != axChild && s.axis != axAttr && s.axis != axSelf {
		out = sortDedup(out)
	}
	return out
}

// candidates returns the nodes of the axis from n that pass the node test,
// in axis order (reverse document order for the reverse axes).
func (s *axisStep) candidates(c *ctx, n *Node) seq {
	var out seq
	add := func(m *Node) {
		c.doc.work++
		if c.doc.work <= c.doc.budget && s.test.matchNode(m) {
			out = append(out, nodeItem(m))
		}
	}
	switch s.axis {
	case axChild:
		for _, k := range n.Kids {
			add(k)
		}
	case axAttr:
		for i, a := range n.Attrs {
			if s.test.matchAttr(a.Name) {
				out = append(out, item{k: kAttr, n: n, a: i})
			}
		}
	case axSelf:
		add(n)
	case axParent:
		if n.Parent != nil {
			add(n.Parent)
		}
	case axAncestor, axAncestorOrSelf:
		m := n
		if s.axis == axAncestor {
			m = n.Parent
		}
		for ; m != nil; m = m.Parent {
			add(m)
		}
	case axDesc, axDescOrSelf:
		if s.axis == axDescOrSelf {
			add(n)
		}
		var walk func(*Node)
		walk = func(m *Node) {
			for _, k := range m.Kids {
				if c.doc.work > c.doc.budget {
					return
				}
				add(k)
				walk(k)
			}
		}
		walk(n)
	case axPreceding, axFollowing:
		all := c.doc.nodes
		if s.test.name != "" {
			all = c.doc.byName[s.test.name]
		}
		if n.Parent != nil && n.order-1 < len(c.doc.nodes) && c.doc.nodes[n.order-1] != n {
			break // a node of another document (document()): no such axis there
		}
		if s.axis == axFollowing {
			for _, m := range all {
				if c.doc.work > c.doc.budget {
					break
				}
				if m.order > n.order && !isAncestor(n, m) {
					add(m)
				}
			}
		} else {
			for i := len(all) - 1; i >= 0 && c.doc.work <= c.doc.budget; i-- {
				m := all[i]
				if m.order < n.order && !isAncestor(m, n) {
					add(m)
				}
			}
		}
	case axPrecSibling, axFollSibling:
		if n.Parent == nil {
			break
		}
		kids := n.Parent.Kids
		idx := 0
		for i, k := range kids {
			if k == n {
				idx = i
			}
		}
		if s.axis == axFollSibling {
			for _, k := range kids[idx+1:] {
				add(k)
			}
		} else {
			for i := idx - 1; i >= 0; i-- {
				add(kids[i])
			}
		}
	}
	return out
}

func isAncestor(a, n *Node) bool {
	for m := n.Parent; m != nil; m = m.Parent {
		if m == a {
			return true
		}
	}
	return false
}

// filter keeps the items of in that pass the predicates, positions counted
// in the order of in.
func filter(c *ctx, in seq, preds []expr) seq {
	if len(preds) == 0 {
		return in
	}
	c.doc.work += len(in) * len(preds)
	d := *c // one context for the whole filter
	for _, p := range preds {
		var out seq
		byPosition := positional([]expr{p})
		d.size = len(in)
		for i, it := range in {
			d.item, d.pos = it, i+1
			if !byPosition {
				if evalBool(&d, p) {
					out = append(out, it)
				}
				continue
			}
			r := p.eval(&d)
			if len(r) == 1 && r[0].k == kNum {
				if r[0].f == float64(i+1) {
					out = append(out, it)
				}
				continue
			}
			if ebv(r) {
				out = append(out, it)
			}
		}
		in = out
	}
	return in
}

// simple reports whether p is a relative path of child steps (the last one
// may be an attribute step) with name tests and no predicates: the form of
// most syntax rules' tests (not(ram:X), count(ram:X/ram:Y) <= 1), which
// count evaluates without building sequences.
func (p *pathExpr) simple() bool {
	if p.abs || len(p.steps) == 0 {
		return false
	}
	for i, s := range p.steps {
		a, ok := s.(*axisStep)
		if !ok || len(a.preds) > 0 || a.test.any || a.test.prefix != "" || a.axis == axAttr && a.test.names != nil {
			return false
		}
		if a.axis != axChild && (a.axis != axAttr || i != len(p.steps)-1) {
			return false
		}
	}
	return true
}

// count returns how many nodes the simple path p selects from n, stopping
// at limit.
func (p *pathExpr) count(n *Node, steps []step, limit int) int {
	s := steps[0].(*axisStep)
	if s.axis == axAttr {
		for _, a := range n.Attrs {
			if a.Name == s.test.name {
				return 1
			}
		}
		return 0
	}
	total := 0
	for _, k := range n.Kids {
		if !s.test.matchNode(k) {
			continue
		}
		if len(steps) == 1 {
			total++
		} else {
			total += p.count(k, steps[1:], limit-total)
		}
		if total >= limit {
			return total
		}
	}
	return total
}

// simpleCount returns, for a simple path e, the count of what it selects
// from the context node (at most limit), and true; false for any other
// expression.
func simpleCount(c *ctx, e expr, limit int) (int, bool) {
	if pe, ok := e.(parenExpr); ok {
		e = pe.e
	}
	p, ok := e.(*pathExpr)
	if !ok || !p.isSimple || c.item.k != kNode {
		return 0, false
	}
	return p.count(c.item.n, p.steps, limit), true
}

// evalBool is the effective boolean value of e, without building
// sequences for the common forms of the syntax rules.
func evalBool(c *ctx, e expr) bool {
	switch x := e.(type) {
	case parenExpr:
		return evalBool(c, x.e)
	case orExpr:
		return evalBool(c, x.l) || evalBool(c, x.r)
	case andExpr:
		return evalBool(c, x.l) && evalBool(c, x.r)
	case *pathExpr:
		if n, ok := simpleCount(c, x, 1); ok {
			return n > 0
		}
	case *callExpr:
		switch x.name {
		case "not":
			return !evalBool(c, x.args[0])
		case "ends-with":
			return strings.HasSuffix(x.argStr(c, 0), x.argStr(c, 1))
		case "starts-with":
			return strings.HasPrefix(x.argStr(c, 0), x.argStr(c, 1))
		case "contains":
			return strings.Contains(x.argStr(c, 0), x.argStr(c, 1))
		case "exists", "boolean":
			if n, ok := simpleCount(c, x.args[0], 1); ok {
				return n > 0
			}
		case "true":
			return true
		case "false":
			return false
		}
	case cmpExpr:
		// count(simple) op number
		if call, ok := x.l.(*callExpr); ok && call.name == "count" {
			if num, ok := x.r.(numExpr); ok {
				if n, ok := simpleCount(c, call.args[0], int(num)+2); ok {
					return cmpNum(x.op, float64(n), float64(num))
				}
			}
		}
	}
	return ebv(e.eval(c))
}
