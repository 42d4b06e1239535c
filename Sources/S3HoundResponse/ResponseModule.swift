/// S3HoundResponse: plans, applies and rolls back detection plumbing (`setup`) and containment (`contain`).
public enum ResponseModule {}
