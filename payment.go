package einvoice

// PaymentInstructions is the PAYMENT INSTRUCTIONS group (BG-16).
type PaymentInstructions struct {
	// MeansCode is the Payment means type code (BT-81), UNTDID 4461.
	MeansCode PaymentMeansCode `json:"meansCode"`
	// MeansText is the Payment means text (BT-82).
	MeansText string `json:"meansText,omitempty"`
	// RemittanceInfo is the Remittance information (BT-83), the reference
	// the buyer quotes with its payment.
	RemittanceInfo string `json:"remittanceInfo,omitempty"`
	// CreditTransfers are the CREDIT TRANSFER groups (BG-17).
	CreditTransfers []CreditTransfer `json:"creditTransfers,omitempty"`
	// Card is the PAYMENT CARD INFORMATION group (BG-18).
	Card *PaymentCard `json:"card,omitempty"`
	// DirectDebit is the DIRECT DEBIT group (BG-19).
	DirectDebit *DirectDebit `json:"directDebit,omitempty"`
}

// CreditTransfer is a CREDIT TRANSFER group (BG-17): an account the buyer may
// pay into.
type CreditTransfer struct {
	// AccountID is the Payment account identifier (BT-84): an IBAN for SEPA
	// payments.
	AccountID string `json:"accountId"`
	// AccountName is the Payment account name (BT-85).
	AccountName string `json:"accountName,omitempty"`
	// ProviderID is the Payment service provider identifier (BT-86): a BIC.
	ProviderID string `json:"providerId,omitempty"`
}

// PaymentCard is the PAYMENT CARD INFORMATION group (BG-18).
type PaymentCard struct {
	// PrimaryAccountNumber is the Payment card primary account number
	// (BT-87). EN 16931 allows at most its last digits: do not put a full
	// card number on an invoice.
	PrimaryAccountNumber string `json:"primaryAccountNumber"`
	// HolderName is the Payment card holder name (BT-88).
	HolderName string `json:"holderName,omitempty"`
}

// DirectDebit is the DIRECT DEBIT group (BG-19).
type DirectDebit struct {
	// MandateID is the Mandate reference identifier (BT-89).
	MandateID string `json:"mandateId,omitempty"`
	// CreditorID is the Bank assigned creditor identifier (BT-90).
	CreditorID string `json:"creditorId,omitempty"`
	// DebitedAccountID is the Debited account identifier (BT-91).
	DebitedAccountID string `json:"debitedAccountId,omitempty"`
}

// ValidIBAN reports whether s is an IBAN in its electronic form (ISO
// 13616): a country code, two check digits and 11 to 30 upper case letters
// and digits, without spaces, whose check digits pass ISO 7064 mod 97-10.
// It does not check the country's length.
func ValidIBAN(s string) bool {
	if len(s) < 15 || len(s) > 34 {
		return false
	}
	for i := 0; i < len(s); i++ {
		b := s[i]
		switch {
		case i < 2 && 'A' <= b && b <= 'Z':
		case i >= 2 && i < 4 && '0' <= b && b <= '9':
		case i >= 4 && ('0' <= b && b <= '9' || 'A' <= b && b <= 'Z'):
		default:
			return false
		}
	}
	m := 0
	for i := 0; i < len(s); i++ {
		b := s[(i+4)%len(s)] // the country code and check digits last
		if b <= '9' {
			m = (m*10 + int(b-'0')) % 97
		} else {
			m = (m*100 + int(b-'A') + 10) % 97
		}
	}
	return m == 1
}
