package validate

import (
	"slices"
	"testing"

	"github.com/einvoice-go/einvoice"
)

// fxGrouped is a setup that puts the lines of the "extended" fixture
// (three lines of category S at 20 %, 1019.85 in all) under a GROUP line
// "G1" that restates their sum, first, with the category S at 20 %: the
// detail lines name it as their parent and have the subtype DETAIL. The
// totals and the VAT breakdown stay as they are: the group does not count.
func fxGrouped(inv *einvoice.Invoice) {
	for i := range inv.Lines {
		inv.Lines[i].ParentID, inv.Lines[i].Status = "G1", einvoice.LineDetail
	}
	inv.Lines = slices.Insert(inv.Lines, 0, fxSubLine("G1", "", einvoice.LineGroup, "1019.85"))
	inv.Lines[0].VAT = einvoice.VAT{Category: einvoice.VATStandard, Rate: dp("20")}
}

// fxSubLine returns a line of the hierarchy: one unit at the net amount
// net, without VAT category.
func fxSubLine(id, parent string, status einvoice.LineStatus, net string) einvoice.Line {
	return einvoice.Line{
		ID: id, ParentID: parent, Status: status,
		Quantity: dv("1"), Unit: "C62", NetAmount: dv(net), Price: einvoice.Price{Net: dv(net)},
		Item: einvoice.Item{Name: "Lot " + id},
	}
}

// fxInformation returns a mutation that adds n INFORMATION lines of 100.00
// without VAT category to the invoice.
func fxInformation(n int) func(inv *einvoice.Invoice) {
	return func(inv *einvoice.Invoice) {
		for range n {
			inv.Lines = append(inv.Lines, fxSubLine("I", "", einvoice.LineInformation, "100.00"))
		}
	}
}

// fxHierarchyCases are the cases of the rules that read the line
// hierarchy (BT-X-8, BT-X-304): the BR-FXEXT sums take the detail lines
// only (no subtype, or DETAIL), and the rules of the hierarchy itself.
func fxHierarchyCases() []fxCase {
	ext := func(rule string, setup, mutate func(*einvoice.Invoice), want ...string) fxCase {
		return fxCase{set: FacturXExtended, rule: rule, setup: setup, mutate: mutate, want: want}
	}
	grouped := func(more func(*einvoice.Invoice)) func(*einvoice.Invoice) {
		return func(inv *einvoice.Invoice) { fxGrouped(inv); more(inv) }
	}
	nested := grouped(func(inv *einvoice.Invoice) {
		// G1 > G2 > lines 2 and 3 (206.35), G1 > line 1 (813.50).
		inv.Lines = append(inv.Lines, fxSubLine("G2", "G1", einvoice.LineGroup, "206.35"))
		inv.Lines[2].ParentID, inv.Lines[3].ParentID = "G2", "G2"
	})
	attr := func(a einvoice.ItemAttribute) func(*einvoice.Invoice) {
		return func(inv *einvoice.Invoice) { inv.Lines[0].Item.Attributes = []einvoice.ItemAttribute{a} }
	}
	kg := &einvoice.Measure{Value: dv("2.5"), Unit: "KGM"}
	return []fxCase{
		// BR-FXEXT-04 (a warning): an attribute type code of UNTDID 6313
		// or the Factur-X extension, one word.
		ext("BR-FXEXT-04", nil, attr(einvoice.ItemAttribute{Name: "Couleur", Value: "bleu", TypeCode: "ZZZ"})),
		ext("BR-FXEXT-04", nil, attr(einvoice.ItemAttribute{Name: "Couleur", Value: "bleu", TypeCode: " COLOR_TEXT "})),
		ext("BR-FXEXT-04", nil, attr(einvoice.ItemAttribute{Name: "Couleur", Value: "bleu", TypeCode: "COLOR"}), "Lines[0].Item.Attributes[0].TypeCode"),
		ext("BR-FXEXT-04", nil, attr(einvoice.ItemAttribute{Name: "Couleur", Value: "bleu", TypeCode: "AAA AAB"}), "Lines[0].Item.Attributes[0].TypeCode"),
		// BR-FXEXT-BR-54-1: a name or a type code (an empty name is not
		// written).
		ext("BR-FXEXT-BR-54-1", nil, attr(einvoice.ItemAttribute{TypeCode: "AAB", Value: "bleu"})),
		ext("BR-FXEXT-BR-54-1", nil, attr(einvoice.ItemAttribute{Name: " ", Value: "bleu"})),
		ext("BR-FXEXT-BR-54-1", nil, attr(einvoice.ItemAttribute{Value: "bleu"}), "Lines[0].Item.Attributes[0].Name"),
		// BR-FXEXT-BR-54-2: a value or a measure with its unit, not both.
		ext("BR-FXEXT-BR-54-2", nil, attr(einvoice.ItemAttribute{Name: "Poids", Measure: kg})),
		ext("BR-FXEXT-BR-54-2", nil, attr(einvoice.ItemAttribute{Name: "Poids", Value: "2,5 kg", Measure: kg}), "Lines[0].Item.Attributes[0].Value"),
		ext("BR-FXEXT-BR-54-2", nil, attr(einvoice.ItemAttribute{Name: "Poids", Measure: &einvoice.Measure{Value: dv("2.5")}}), "Lines[0].Item.Attributes[0].Value"),
		ext("BR-FXEXT-BR-54-2", nil, attr(einvoice.ItemAttribute{Name: "Poids"}), "Lines[0].Item.Attributes[0].Value"),
		// BR-FXEXT-08: a group's net amount is the rounded sum of its
		// DETAIL and GROUP sub-lines, in xs:double.
		ext("BR-FXEXT-08", fxGrouped, func(inv *einvoice.Invoice) { inv.Lines[0].NetAmount = dv("1019.86") }, "Lines[0].NetAmount"),
		ext("BR-FXEXT-08", nested, func(inv *einvoice.Invoice) { inv.Lines[4].NetAmount = dv("206.34") }, "Lines[0].NetAmount", "Lines[4].NetAmount"),
		// A group sums its sub-groups' stated amounts: G1 still adds up.
		ext("BR-FXEXT-08", nested, func(inv *einvoice.Invoice) { inv.Lines[3].NetAmount = dv("121.00") }, "Lines[4].NetAmount"),
		// An INFORMATION sub-line is not summed, nor is one without
		// subtype (which BR-FXEXT-06 rejects, and the totals count).
		ext("BR-FXEXT-08", fxGrouped, func(inv *einvoice.Invoice) {
			inv.Lines = append(inv.Lines, fxSubLine("I1", "G1", einvoice.LineInformation, "5.00"))
		}),
		ext("BR-FXEXT-08", fxGrouped, func(inv *einvoice.Invoice) { inv.Lines[3].Status = "" }, "Lines[0].NetAmount"),
		// A group without sub-lines sums nothing: 0.
		ext("BR-FXEXT-08", fxInformation(0), func(inv *einvoice.Invoice) {
			inv.Lines = append(inv.Lines, fxSubLine("G9", "", einvoice.LineGroup, "0.01"))
		}, "Lines[3].NetAmount"),
		ext("BR-FXEXT-08", fxInformation(0), func(inv *einvoice.Invoice) {
			inv.Lines = append(inv.Lines, fxSubLine("G9", "", einvoice.LineGroup, "0.00"))
		}),
		// The sums are doubles, rounded: 0.10 + 0.20 is 0.30.
		ext("BR-FXEXT-08", fxInformation(0), func(inv *einvoice.Invoice) {
			inv.Lines = append(inv.Lines, fxSubLine("G9", "", einvoice.LineGroup, "0.30"),
				fxSubLine("D1", "G9", einvoice.LineDetail, "0.10"), fxSubLine("D2", "G9", einvoice.LineDetail, "0.20"))
		}),
		// Ids compared normalised.
		ext("BR-FXEXT-08", fxGrouped, func(inv *einvoice.Invoice) { inv.Lines[0].ID, inv.Lines[1].ParentID = " G1", "G1 " }),

		// BR-FXEXT-06: a parent and no subtype.
		ext("BR-FXEXT-06", fxGrouped, func(inv *einvoice.Invoice) { inv.Lines[2].Status = "" }, "Lines[2].Status"),
		ext("BR-FXEXT-06", fxGrouped, func(inv *einvoice.Invoice) { inv.Lines[2].Status, inv.Lines[2].ParentID = "", " " }),

		// BR-FXEXT-11: the parent is a line's id, normalised.
		ext("BR-FXEXT-11", fxGrouped, func(inv *einvoice.Invoice) { inv.Lines[3].ParentID = "G9" }, "Lines[3].ParentID"),
		ext("BR-FXEXT-11", fxGrouped, func(inv *einvoice.Invoice) { inv.Lines[3].ParentID = " G1\n" }),

		// BR-FXEXT-CO-04 and BR-FXEXT-BR-23: the detail lines only.
		ext("BR-FXEXT-CO-04", fxGrouped, func(inv *einvoice.Invoice) { inv.Lines[2].VAT = einvoice.VAT{} }, "Lines[2].VAT.Category"),
		ext("BR-FXEXT-CO-04", fxGrouped, func(inv *einvoice.Invoice) { inv.Lines[0].VAT = einvoice.VAT{} }),
		ext("BR-FXEXT-CO-04", fxInformation(0), fxInformation(1)),
		ext("BR-FXEXT-CO-04", fxInformation(0), func(inv *einvoice.Invoice) { inv.Lines[1].VAT.Category = "" }, "Lines[1].VAT.Category"),
		ext("BR-FXEXT-BR-23", fxGrouped, func(inv *einvoice.Invoice) { inv.Lines[0].Unit = "" }),
		ext("BR-FXEXT-BR-23", fxGrouped, func(inv *einvoice.Invoice) { inv.Lines[1].Unit = "" }, "Lines[1].Unit"),

		// BR-FXEXT-CO-10 sums the detail lines, with a tolerance of 0.01
		// per line of any subtype: 6 lines, 3 detail lines.
		ext("BR-FXEXT-CO-10", fxInformation(3), func(inv *einvoice.Invoice) { inv.Totals.LineNet = inv.Totals.LineNet.Add(dv("0.05")) }),
		ext("BR-FXEXT-CO-10", fxInformation(3), func(inv *einvoice.Invoice) { inv.Totals.LineNet = inv.Totals.LineNet.Add(dv("0.07")) }, "Totals.LineNet"),
		ext("BR-FXEXT-CO-10", fxGrouped, func(inv *einvoice.Invoice) { inv.Lines[1].Status = einvoice.LineInformation }, "Totals.LineNet"),
		// BR-FXEXT-CO-13 and -CO-15: the detail lines, allowances and
		// charges, 7 whatever the INFORMATION lines.
		ext("BR-FXEXT-CO-13", fxInformation(3), func(inv *einvoice.Invoice) { inv.Totals.TaxExclusive = inv.Totals.TaxExclusive.Sub(dv("0.08")) }, "Totals.TaxExclusive"),
		ext("BR-FXEXT-CO-13", fxGrouped, func(inv *einvoice.Invoice) { inv.Lines[2].Status = einvoice.LineGroup }, "Totals.TaxExclusive"),
		ext("BR-FXEXT-CO-15", fxInformation(3), func(inv *einvoice.Invoice) { inv.Totals.TaxInclusive = inv.Totals.TaxInclusive.Add(dv("0.08")) }, "Totals.TaxInclusive"),
		// The x-08b sums and the S-09b tolerance: a group of category S is
		// not summed nor counted.
		ext("BR-FXEXT-S08b", fxGrouped, func(inv *einvoice.Invoice) { inv.Lines[1].Status = einvoice.LineInformation }, "VATBreakdown[0].TaxableAmount"),
		ext("BR-FXEXT-S-08ini", fxGrouped, func(inv *einvoice.Invoice) {
			inv.VATBreakdown[0].TaxableAmount = inv.VATBreakdown[0].TaxableAmount.Add(dv("0.08"))
		}, "VATBreakdown[0].TaxableAmount"),
		ext("BR-FXEXT-S-09b", fxGrouped, func(inv *einvoice.Invoice) { inv.VATBreakdown[0].TaxAmount = dv("208.93") }, "VATBreakdown[0].TaxAmount"),
		// Official quirk: the x-01 rules count the lines of any subtype.
		ext("BR-FXEXT-Z-01", fxGrouped, func(inv *einvoice.Invoice) {
			inv.Lines = append(inv.Lines, fxSubLine("I1", "", einvoice.LineInformation, "0.00"))
			inv.Lines[len(inv.Lines)-1].VAT = einvoice.VAT{Category: einvoice.VATZeroRated, Rate: dp("0")}
		}, "Lines[4].VAT.Category"),
	}
}

// TestFacturXExtendedHierarchy: a valid invoice whose lines are grouped,
// nested, or mixed with INFORMATION lines passes FacturXExtended whole;
// EN16931 runs on every line, as CEN's schematron, which knows no
// subtype: a group of category S at 20 % breaks BR-S-08 there.
func TestFacturXExtendedHierarchy(t *testing.T) {
	for _, tc := range []struct {
		name  string
		setup func(*einvoice.Invoice)
	}{
		{"grouped", fxGrouped},
		{"grouped-information", func(inv *einvoice.Invoice) {
			fxGrouped(inv)
			inv.Lines = append(inv.Lines, fxSubLine("I1", "G1", einvoice.LineInformation, "7.00"))
			inv.Lines[0].VAT = einvoice.VAT{}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			inv := fixture(t, "extended")
			tc.setup(inv)
			if rep := Invoice(inv, FacturXExtended); len(rep.Issues) != 0 {
				t.Errorf("FacturXExtended: %v", rep.Issues)
			}
		})
	}
	inv := fixture(t, "extended")
	fxGrouped(inv)
	var ids []string
	for _, is := range Invoice(inv, EN16931).Issues {
		ids = append(ids, is.Rule)
	}
	if !slices.Equal(ids, []string{"BR-S-08"}) {
		t.Errorf("EN16931: %v, want BR-S-08", ids)
	}
}
