package io.concordat.gateway;

import io.concordat.kit.problem.ProblemException;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Refuses a request whose target cannot be read unambiguously as soon as its request line is
 * decoded, before the server parses it. The server would otherwise replace a target it cannot
 * parse (such as {@code /api/v1/tenants/%zz}) with {@code /}, and the request would be served as
 * the portal's home page without any token check.
 */
@Singleton
class MalformedTargetRefusal implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {

    private static final String HANDLER = "concordat-malformed-target";

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        event.getBean().register(new PerChannel(null));
        return event.getBean();
    }

    private record PerChannel(Channel channel) implements NettyServerCustomizer {

        @Override
        public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
            return new PerChannel(channel);
        }

        @Override
        public void onStreamPipelineBuilt() {
            if (channel != null && channel.pipeline().get(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC) != null
                    && channel.pipeline().get(HANDLER) == null) {
                channel.pipeline().addAfter(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC, HANDLER, new Check());
            }
        }
    }

    private static final class Check extends ChannelInboundHandlerAdapter {

        private boolean refused;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object message) {
            if (refused) {
                // the rest of a refused request; the connection is closing
                ReferenceCountUtil.release(message);
                return;
            }
            if (message instanceof HttpRequest request) {
                Optional<String> problem = RequestRules.problemWithTarget(request.uri());
                if (problem.isPresent()) {
                    refused = true;
                    ReferenceCountUtil.release(message);
                    ctx.writeAndFlush(badRequest(problem.get())).addListener(ChannelFutureListener.CLOSE);
                    return;
                }
            }
            ctx.fireChannelRead(message);
        }

        private static FullHttpResponse badRequest(String detail) {
            // the details are this class's own fixed sentences: nothing from the request is echoed
            String json = "{\"type\":\"" + ProblemException.type("malformed-url") + "\",\"title\":\"Malformed address\","
                    + "\"status\":400,\"detail\":\"" + detail + "\"}";
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.BAD_REQUEST,
                    Unpooled.wrappedBuffer(body));
            response.headers()
                    .set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json")
                    .set(HttpHeaderNames.CONTENT_LENGTH, body.length)
                    .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            return response;
        }
    }
}
