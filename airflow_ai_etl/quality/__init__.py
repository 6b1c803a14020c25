"""Data quality: PII detection in the data, default checks from the catalog, run volume anomalies."""
