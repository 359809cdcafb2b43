package xmlscan

import "strings"

// LeafFunc receives the text of a leaf element, its references replaced
// and its line breaks normalized, and the frame holding the attributes it
// asked for. text is only valid during the call.
type LeafFunc[S any] func(u S, ctx any, text []byte, f *Frame[S]) error

// Node is an element of a format's mapping. A group node has children; a
// leaf node has a LeafFunc. Build nodes with NewNode, Group and Leaf, and
// set their options with the chained methods.
type Node[S any] struct {
	ns    NS
	local string
	name  string   // the path step: prefix:local
	terms []string // the business terms and groups of the element
	// repeat marks an element that may occur several times; a second
	// occurrence of another one is reported, not read.
	repeat bool
	ignore string   // a reason to skip the element, which is known but not carried
	attrs  []string // the unprefixed attributes a leaf reads, into Frame.Attr
	kids   []*Node[S]
	idx    int // index among its parent's kids
	open   func(u S, ctx any) any
	close  func(u S, ctx any) error
	leaf   LeafFunc[S]
	placed bool
}

func (n *Node[S]) child(ns NS, local []byte) *Node[S] {
	for _, k := range n.kids {
		if len(k.local) == len(local) && k.ns == ns && k.local == string(local) {
			return k
		}
	}
	return nil
}

// NewNode returns a node for the element local of namespace ns, named
// name in paths (prefix:local), concerning the business terms listed in
// terms, separated by spaces.
func NewNode[S any](ns NS, name, terms string) *Node[S] {
	local := name
	if i := strings.IndexByte(name, ':'); i >= 0 {
		local = name[i+1:]
	}
	return &Node[S]{ns: ns, local: local, name: name, terms: strings.Fields(terms)}
}

// Name returns the node's path step.
func (n *Node[S]) Name() string { return n.name }

// Terms returns the node's business terms.
func (n *Node[S]) Terms() []string { return n.terms }

// Add sets the children of a group node. A node has one parent, and no two
// children of a node have the same name: Add panics otherwise, as the tree
// is built once, by the program.
func (n *Node[S]) Add(kids ...*Node[S]) *Node[S] {
	n.kids = kids
	for i, k := range kids {
		if k.placed {
			panic("xmlscan: decode tree: node " + k.name + " placed twice")
		}
		if n.child(k.ns, []byte(k.local)) != k {
			panic("xmlscan: decode tree: " + n.name + " has two children " + k.name)
		}
		k.placed = true
		k.idx = i
	}
	return n
}

// Leaf makes n a leaf, fn receiving its text.
func (n *Node[S]) Leaf(fn LeafFunc[S]) *Node[S] { n.leaf = fn; return n }

// Rep marks an element that may occur several times under its parent. A
// second occurrence of another element is reported as ignored, not read.
func (n *Node[S]) Rep() *Node[S] { n.repeat = true; return n }

// WithAttrs names the unprefixed attributes a leaf reads, at most three:
// their values are in Frame.Attr, in this order.
func (n *Node[S]) WithAttrs(names ...string) *Node[S] {
	if len(names) > len(Frame[S]{}.Attr) {
		panic("xmlscan: decode tree: node " + n.name + " reads more than 3 attributes")
	}
	n.attrs = names
	return n
}

// Opens sets the function called when the element starts. It receives the
// context of the parent and returns the context of the element, which its
// children receive.
func (n *Node[S]) Opens(f func(u S, ctx any) any) *Node[S] { n.open = f; return n }

// Closes sets the function called when a group element ends, with its
// context.
func (n *Node[S]) Closes(f func(u S, ctx any) error) *Node[S] { n.close = f; return n }

// Ignored marks an element that the format knows but the decoder does not
// carry: it is skipped and reported with reason.
func (n *Node[S]) Ignored(reason string) *Node[S] { n.ignore = reason; return n }
