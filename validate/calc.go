package validate

// calculated is what the model's calculation gives for the invoice, computed
// once per validation for all the arithmetic rules.
type calculated struct{}
