package com.example.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.IamPolicyResponse;
import java.util.List;
import java.util.Map;

/**
 * A TOKEN authorizer, as one is written for AWS: {@code Bearer allow-<user>} may call every method of the stage,
 * {@code Bearer deny} is denied explicitly, {@code Bearer reject} is refused ({@code Unauthorized}, 401), and
 * anything else makes the function fail (500).
 */
public class TokenAuthorizer implements RequestHandler<APIGatewayCustomAuthorizerEvent, IamPolicyResponse> {

    @Override
    public IamPolicyResponse handleRequest(APIGatewayCustomAuthorizerEvent event, Context context) {
        String token = event.getAuthorizationToken().substring("Bearer ".length());
        // arn:aws:execute-api:region:account:api/stage/METHOD/path -> every method of this stage
        String[] arn = event.getMethodArn().split("/");
        String stageArn = arn[0] + "/" + arn[1] + "/*";
        if (token.startsWith("allow-")) {
            String user = token.substring("allow-".length());
            return policy(user, IamPolicyResponse.allowStatement(stageArn), Map.of("user", user, "admin", false));
        }
        if (token.equals("deny")) {
            return policy("nobody", IamPolicyResponse.denyStatement(stageArn), Map.of());
        }
        if (token.equals("reject")) {
            throw new RuntimeException("Unauthorized");
        }
        throw new IllegalStateException("cannot decide for token " + token);
    }

    private static IamPolicyResponse policy(String principal, IamPolicyResponse.Statement statement,
            Map<String, Object> context) {
        return IamPolicyResponse.builder()
                .withPrincipalId(principal)
                .withPolicyDocument(IamPolicyResponse.PolicyDocument.builder()
                        .withVersion(IamPolicyResponse.VERSION_2012_10_17)
                        .withStatement(List.of(statement))
                        .build())
                .withContext(context)
                .build();
    }
}
